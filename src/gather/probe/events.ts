// Stripe-shaped Identity events for the probe, typed with the SDK's own `Stripe.Event`, rendered
// in the SDK's pinned API version. Ids carry `golive_probe` so they cannot collide with real
// ones, and nothing in them is personal data.
import type Stripe from 'stripe';
import { PROBE_STEPS, UNKNOWN_EVENT_TYPE, type IdentityEventType, type ProbeStep } from '../../probe/plan.js';

type IdentityEvent<T extends IdentityEventType = IdentityEventType> = Extract<Stripe.Event, { type: T }>;
/** Shaped like any Identity event, with a type Stripe does not send. */
type UnknownTypeEvent = Omit<IdentityEvent<'identity.verification_session.created'>, 'type'> & { type: typeof UNKNOWN_EVENT_TYPE };
export type ProbeEvent = IdentityEvent | UnknownTypeEvent;

export interface PlannedRequest {
  readonly step: ProbeStep;
  readonly event: ProbeEvent;
  /** The exact bytes sent and signed: pretty-printed like Stripe's payloads, so a handler that re-serialises the parsed body fails as it would in production. */
  readonly body: string;
}

export interface PlanOptions {
  /** Random per run, so a handler's dedupe store from an earlier run does not mask this one. */
  readonly runId: string;
  readonly nowSeconds: number;
  readonly apiVersion: string;
}

/** Marks probe objects for anyone reading the handler's logs. */
const PROBE_METADATA = { identity_golive_probe: 'true' } as const;

function verificationSession(id: string, created: number, overrides: Partial<Stripe.Identity.VerificationSession>): Stripe.Identity.VerificationSession {
  return {
    id,
    object: 'identity.verification_session',
    client_reference_id: 'golive_probe_reference',
    // A real session's client_secret and url are single-use credentials: the probe sends none.
    client_secret: null,
    created,
    last_error: null,
    last_verification_report: null,
    livemode: false,
    metadata: { ...PROBE_METADATA },
    options: {
      document: { allowed_types: ['driving_license', 'id_card', 'passport'], require_id_number: false, require_live_capture: true, require_matching_selfie: true },
    },
    provided_details: null,
    redaction: null,
    related_customer: null,
    related_customer_account: null,
    status: 'requires_input',
    type: 'document',
    url: null,
    ...overrides,
  };
}

/** The session as each event shows it: one session goes through a failed then a passed attempt, another is canceled and redacted. */
function sessionFor(type: ProbeStep['eventType'], options: PlanOptions): Stripe.Identity.VerificationSession {
  const { runId, nowSeconds } = options;
  const first = `vs_golive_probe_${runId}_a`;
  const second = `vs_golive_probe_${runId}_b`;
  const report = `vr_golive_probe_${runId}_1`;
  const firstCreated = nowSeconds - 300;
  switch (type) {
    case 'identity.verification_session.created':
      return verificationSession(first, firstCreated, {});
    case 'identity.verification_session.processing':
      return verificationSession(first, firstCreated, { status: 'processing' });
    case 'identity.verification_session.requires_input':
      return verificationSession(first, firstCreated, {
        status: 'requires_input',
        last_error: { code: 'document_unverified_other', reason: 'The document could not be verified (identity-golive probe event; no real verification took place).' },
        last_verification_report: report,
      });
    case 'identity.verification_session.verified':
    case UNKNOWN_EVENT_TYPE:
      return verificationSession(first, firstCreated, { status: 'verified', last_verification_report: report });
    case 'identity.verification_session.canceled':
      return verificationSession(second, nowSeconds - 200, { status: 'canceled' });
    case 'identity.verification_session.redacted':
      // Redaction erases metadata and the client reference.
      return verificationSession(second, nowSeconds - 200, { status: 'canceled', client_reference_id: null, metadata: {}, redaction: { status: 'redacted' } });
  }
}

function eventFor(step: ProbeStep, options: PlanOptions, created: number): ProbeEvent {
  const envelope = {
    id: `evt_golive_probe_${options.runId}_${step.id}`,
    object: 'event',
    api_version: options.apiVersion,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  } as const;
  const data = { object: sessionFor(step.eventType, options) };
  if (step.eventType === UNKNOWN_EVENT_TYPE) return { ...envelope, type: UNKNOWN_EVENT_TYPE, data } satisfies UnknownTypeEvent;
  // All six Identity events share one shape (EventBase + a VerificationSession), so the type decides alone.
  return { ...envelope, type: step.eventType, data } as IdentityEvent;
}

/** The whole plan, in order; a redelivery reuses its original's event and body byte for byte. */
export function buildPlan(options: PlanOptions): PlannedRequest[] {
  const planned = new Map<string, PlannedRequest>();
  return PROBE_STEPS.map((step: ProbeStep, index) => {
    const original = step.redeliverOf === undefined ? undefined : planned.get(step.redeliverOf);
    const event = original?.event ?? eventFor(step, options, options.nowSeconds - 60 + index);
    const request: PlannedRequest = { step, event, body: original?.body ?? JSON.stringify(event, null, 2) };
    planned.set(step.id, request);
    return request;
  });
}
