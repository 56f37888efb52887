// https://docs.stripe.com/webhooks#verify-manually
// The handler refuses (4xx) what Stripe did not sign: a wrong signature, no signature, and a
// correct signature older than the 5-minute tolerance. Judged from the recorded probe exchanges.
import { defineRule } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { NOT_PROBED_MESSAGE, probeOutcome, type Miss } from '../src/probe/judge.js';
import { FORGERY_STEPS, type ProbeStepId } from '../src/probe/plan.js';

type MessageId =
  | 'refused'
  | 'acceptedWrongSignature'
  | 'acceptedMissingSignature'
  | 'acceptedStaleTimestamp'
  | 'notRefused'
  | 'redirected'
  | 'serverError'
  | 'timedOut'
  | 'connectionFailed'
  | 'notProbed';

const ACCEPTED: Record<string, MessageId> = {
  wrong_signature: 'acceptedWrongSignature',
  missing_signature: 'acceptedMissingSignature',
  stale_timestamp: 'acceptedStaleTimestamp',
} satisfies Partial<Record<ProbeStepId, MessageId>>;

function messageFor(step: ProbeStepId, miss: Miss): MessageId {
  if (miss === 'accepted') return ACCEPTED[step] ?? 'notRefused';
  return miss === 'rejected' ? 'notRefused' : miss;
}

export default defineRule({
  meta: {
    id: 'webhook-handler-verifies-signature',
    item: 'webhooks',
    title: 'The webhook handler refuses events Stripe did not sign (or signed too long ago)',
    failureTitle: 'The webhook handler does not refuse every event without a valid, recent Stripe signature',
    neutralTitle: 'Webhook handler refusal of unsigned or stale events',
    docsUrl: 'https://docs.stripe.com/webhooks#verify-manually',
    requiredArtifacts: ['Probe'],
    messages: {
      refused: '{{request}}: refused with {{status}} in {{latencyMs}} ms',
      acceptedWrongSignature: {
        text: 'Accepted a forged event: {{request}} got {{status}} ({{excerpt}}). Anyone who knows the URL can mark a session verified.',
        fix: 'Verify every request with stripe.webhooks.constructEvent(rawBody, signatureHeader, endpointSecret) and answer 400 when it throws; never fall back to parsing the body.',
      },
      acceptedMissingSignature: {
        text: 'Accepted an unsigned event: {{request}} got {{status}} ({{excerpt}}).',
        fix: 'Treat a missing Stripe-Signature header as a failed verification and answer 400; do not verify only when the header is present.',
      },
      acceptedStaleTimestamp: {
        text: 'Accepted a replayed event: {{request}} got {{status}} ({{excerpt}}). A captured delivery can be replayed forever.',
        fix: 'Check the timestamp as the SDKs do (300 s tolerance, never 0): use constructEvent instead of comparing the HMAC yourself, or refuse a t older than 5 minutes.',
      },
      notRefused: {
        text: '{{request}} got {{status}} instead of a 4xx: {{excerpt}}',
        fix: 'Answer 400 when signature verification fails.',
      },
      redirected: {
        text: '{{request}} was answered with a redirect ({{status}} to {{location}}), so the probe cannot see whether the handler verifies it.',
        fix: 'Probe the final URL (no redirect), where Stripe must deliver too.',
      },
      serverError: {
        text: '{{request}} made the handler fail with {{status}} instead of refusing it with a 4xx: {{excerpt}}',
        fix: 'Catch the verification error and answer 400; a 5xx reads as a crash and tells Stripe to retry.',
      },
      timedOut: {
        text: '{{request}} got no answer within {{budget}}.',
        fix: 'Verify the signature first and answer 400 at once when it fails.',
      },
      connectionFailed: {
        text: '{{request}}: the connection failed ({{code}}) after {{latencyMs}} ms; the handler may have crashed on it.',
        fix: 'Catch the verification error and answer 400; a request with a bad signature must never bring the handler down.',
      },
      notProbed: NOT_PROBED_MESSAGE,
    },
    defaultSeverity: 'error',
  },
  check({ Probe }) {
    return probeOutcome<MessageId>(use(Probe), FORGERY_STEPS, { held: 'refused', notProbed: 'notProbed', missed: messageFor });
  },
});
