// https://docs.stripe.com/webhooks#best-practices ("Quickly return a 2xx response")
// Every correctly signed Identity event, verified and requires_input above all, gets a 2xx within
// the time budget: no redirect, no 5xx, no refusal. Judged from the recorded probe exchanges.
import { defineRule } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { NOT_PROBED_MESSAGE, probeOutcome, type Miss } from '../src/probe/judge.js';
import { LIFECYCLE_STEPS, type ProbeStepId } from '../src/probe/plan.js';

type MessageId = 'acknowledged' | 'rejected' | 'redirected' | 'serverError' | 'timedOut' | 'connectionFailed' | 'notProbed';

export default defineRule({
  meta: {
    id: 'webhook-handler-acknowledges-events',
    item: 'webhooks',
    title: 'The webhook handler answers every Identity event with a quick 2xx',
    failureTitle: 'The webhook handler does not acknowledge every Identity event quickly',
    neutralTitle: 'Webhook handler acknowledgement of Identity events',
    docsUrl: 'https://docs.stripe.com/webhooks#best-practices',
    requiredArtifacts: ['Probe'],
    messages: {
      acknowledged: '{{request}}: {{status}} in {{latencyMs}} ms',
      rejected: {
        text: '{{request}} was refused with {{status}} in {{latencyMs}} ms: {{excerpt}}',
        fix: "Verify with the raw request body and this endpoint's signing secret, then answer 2xx for every Identity event, including those you do not act on.",
      },
      redirected: {
        text: '{{request}} was answered with a redirect ({{status}} to {{location}}); Stripe counts a 3xx as a failed delivery and does not follow it.',
        fix: 'Register and probe the final URL, and serve the webhook route without redirects (http to https, trailing slash, locale prefix).',
      },
      serverError: {
        text: '{{request}} made the handler fail with {{status}} in {{latencyMs}} ms: {{excerpt}}',
        fix: 'Catch errors in event handling: answer 2xx once the event is verified and recorded, and do the work asynchronously. Stripe retries failed deliveries for up to 3 days.',
      },
      timedOut: {
        text: '{{request}} got no answer within {{budget}}.',
        fix: 'Answer 2xx before any slow work (queue it); Stripe expects a quick 2xx and retries otherwise.',
      },
      connectionFailed: {
        text: '{{request}}: the connection failed ({{code}}) after {{latencyMs}} ms.',
        fix: 'Check the handler stays up while handling this event; a crash on one event breaks delivery of the others.',
      },
      notProbed: NOT_PROBED_MESSAGE,
    },
    defaultSeverity: 'error',
  },
  check({ Probe }) {
    return probeOutcome<MessageId>(use(Probe), LIFECYCLE_STEPS, { held: 'acknowledged', notProbed: 'notProbed', missed: (_step: ProbeStepId, miss: Miss) => (miss === 'accepted' ? 'rejected' : miss) });
  },
});
