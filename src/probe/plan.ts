// The probe's fixed plan: eleven requests, each with the answer a sound handler gives. Shared by
// the gatherer (what to send) and the rules (what to expect), so both read the same table.
// https://docs.stripe.com/webhooks#best-practices

export const IDENTITY_EVENT_TYPES = [
  'identity.verification_session.created',
  'identity.verification_session.processing',
  'identity.verification_session.requires_input',
  'identity.verification_session.verified',
  'identity.verification_session.canceled',
  'identity.verification_session.redacted',
] as const;
export type IdentityEventType = (typeof IDENTITY_EVENT_TYPES)[number];

/** A type Stripe does not send today; handlers must still acknowledge it (Stripe adds types). */
export const UNKNOWN_EVENT_TYPE = 'identity.verification_session.golive_probe_unknown';

/** Stripe's libraries reject signatures older than this (Webhook.DEFAULT_TOLERANCE). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/** The stale request is signed this long ago: twice the tolerance, so clock skew cannot save it. */
export const STALE_SIGNATURE_AGE_SECONDS = 600;

export type SignatureKind = 'valid' | 'wrong_secret' | 'missing' | 'stale';
export type Expectation = 'accept' | 'reject';

export interface ProbeStep {
  readonly id: string;
  /** What the request carries, in words, for findings. */
  readonly label: string;
  readonly eventType: IdentityEventType | typeof UNKNOWN_EVENT_TYPE;
  readonly signature: SignatureKind;
  readonly expect: Expectation;
  /** Resend the event of this earlier step (same id and body, fresh signature) instead of a new one. */
  readonly redeliverOf?: string;
}

const lifecycle = (type: IdentityEventType, id: string): ProbeStep => ({
  id,
  label: `${type} (correctly signed)`,
  eventType: type,
  signature: 'valid',
  expect: 'accept',
});

// Order matters: a sound handler's answers first, the forgeries last, so a handler that crashes on
// a forgery has already shown how it treats real events.
export const PROBE_STEPS = [
  lifecycle('identity.verification_session.created', 'created'),
  lifecycle('identity.verification_session.processing', 'processing'),
  lifecycle('identity.verification_session.requires_input', 'requires_input'),
  lifecycle('identity.verification_session.verified', 'verified'),
  lifecycle('identity.verification_session.canceled', 'canceled'),
  lifecycle('identity.verification_session.redacted', 'redacted'),
  {
    id: 'duplicate',
    label: 'the same verified event delivered a second time (same event id)',
    eventType: 'identity.verification_session.verified',
    signature: 'valid',
    expect: 'accept',
    redeliverOf: 'verified',
  },
  {
    id: 'unknown_type',
    label: `an event of a type the handler does not know (${UNKNOWN_EVENT_TYPE})`,
    eventType: UNKNOWN_EVENT_TYPE,
    signature: 'valid',
    expect: 'accept',
  },
  {
    id: 'wrong_signature',
    label: 'a verified event signed with the wrong secret',
    eventType: 'identity.verification_session.verified',
    signature: 'wrong_secret',
    expect: 'reject',
  },
  {
    id: 'missing_signature',
    label: 'a verified event without a Stripe-Signature header',
    eventType: 'identity.verification_session.verified',
    signature: 'missing',
    expect: 'reject',
  },
  {
    id: 'stale_timestamp',
    label: `a verified event correctly signed ${STALE_SIGNATURE_AGE_SECONDS / 60} minutes ago (beyond the ${SIGNATURE_TOLERANCE_SECONDS / 60}-minute tolerance)`,
    eventType: 'identity.verification_session.verified',
    signature: 'stale',
    expect: 'reject',
  },
] as const satisfies readonly ProbeStep[];

export type ProbeStepId = (typeof PROBE_STEPS)[number]['id'];

export const PROBE_STEPS_BY_ID: ReadonlyMap<ProbeStepId, ProbeStep> = new Map(PROBE_STEPS.map((step) => [step.id, step]));

/** Steps each rule judges. */
export const LIFECYCLE_STEPS: readonly ProbeStepId[] = ['created', 'processing', 'requires_input', 'verified', 'canceled', 'redacted'];
export const FORGERY_STEPS: readonly ProbeStepId[] = ['wrong_signature', 'missing_signature', 'stale_timestamp'];
export const TOLERANCE_STEPS: readonly ProbeStepId[] = ['duplicate', 'unknown_type'];
