// https://docs.stripe.com/webhooks#best-practices ("Handle duplicate events")
// A redelivered event (same id) and an event type the handler does not know both get a 2xx:
// Stripe delivers at least once and adds event types. Judged from the recorded probe exchanges.
import { defineRule } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { NOT_PROBED_MESSAGE, probeOutcome, type Miss } from '../src/probe/judge.js';
import { TOLERANCE_STEPS, type ProbeStepId } from '../src/probe/plan.js';

type MessageId =
  | 'acknowledged'
  | 'duplicateRefused'
  | 'unknownTypeRefused'
  | 'redirected'
  | 'serverError'
  | 'timedOut'
  | 'connectionFailed'
  | 'notProbed';

function messageFor(step: ProbeStepId, miss: Miss): MessageId {
  if (miss === 'rejected' || miss === 'accepted') return step === 'duplicate' ? 'duplicateRefused' : 'unknownTypeRefused';
  return miss;
}

export default defineRule({
  meta: {
    id: 'webhook-handler-tolerates-duplicates-and-unknown-types',
    item: 'webhooks',
    title: 'The webhook handler acknowledges duplicate deliveries and unknown event types',
    failureTitle: 'The webhook handler breaks on a duplicate delivery or an unknown event type',
    neutralTitle: 'Webhook handler on duplicate deliveries and unknown event types',
    docsUrl: 'https://docs.stripe.com/webhooks#best-practices',
    requiredArtifacts: ['Probe'],
    messages: {
      acknowledged: '{{request}}: {{status}} in {{latencyMs}} ms',
      duplicateRefused: {
        text: '{{request}} was refused with {{status}}: {{excerpt}}',
        fix: 'Record the ids of processed events and answer 2xx to one already seen, without processing it again; Stripe delivers at least once.',
      },
      unknownTypeRefused: {
        text: '{{request}} was refused with {{status}}: {{excerpt}}',
        fix: 'Answer 2xx to event types you do not handle (a `default:` branch that only logs); Stripe adds event types over time.',
      },
      redirected: {
        text: '{{request}} was answered with a redirect ({{status}} to {{location}}); Stripe counts a 3xx as a failed delivery.',
        fix: 'Register and probe the final URL, and serve the webhook route without redirects.',
      },
      serverError: {
        text: '{{request}} made the handler fail with {{status}}: {{excerpt}}',
        fix: 'Answer 2xx to an event already processed and to a type you do not handle; an error there makes Stripe retry for days and may disable the endpoint.',
      },
      timedOut: {
        text: '{{request}} got no answer within {{budget}}.',
        fix: 'Answer 2xx at once for an event already processed or of an unhandled type.',
      },
      connectionFailed: {
        text: '{{request}}: the connection failed ({{code}}) after {{latencyMs}} ms; the handler may have crashed on it.',
        fix: 'Answer 2xx to an event already processed and to a type you do not handle; neither may bring the handler down.',
      },
      notProbed: NOT_PROBED_MESSAGE,
    },
    defaultSeverity: 'error',
  },
  check({ Probe }) {
    return probeOutcome<MessageId>(use(Probe), TOLERANCE_STEPS, { held: 'acknowledged', notProbed: 'notProbed', missed: messageFor });
  },
});
