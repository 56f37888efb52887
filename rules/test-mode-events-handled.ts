// Checklist item 9, "Follow webhook best practices": https://docs.stripe.com/webhooks
// Before going live, test mode should show Identity events your endpoint received: none means the
// handler was never exercised; an undelivered one means it failed or is still failing.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';

/** Undelivered events named one by one; the rest are counted. */
const LISTED = 10;
const OUTCOME_EVENTS = ['identity.verification_session.verified', 'identity.verification_session.requires_input'];

type MessageId = 'delivered' | 'noEvents' | 'undelivered' | 'moreUndelivered' | 'outcomesUntested' | 'truncated';

export default defineRule<'Events', MessageId>({
  meta: {
    id: 'test-mode-events-handled',
    item: 'webhooks',
    title: 'Test-mode Identity events were delivered to your endpoint',
    failureTitle: 'Test-mode Identity events are missing or undelivered',
    neutralTitle: 'Delivery of test-mode Identity events to your endpoint',
    docsUrl: 'https://docs.stripe.com/webhooks',
    requiredArtifacts: ['Events'],
    modes: ['test'],
    defaultSeverity: 'error',
    messages: {
      delivered: '{{count}} Identity events in test mode in the last {{days}} days, all delivered.',
      noEvents: {
        text: 'No Identity events in test mode in the last {{days}} days: your webhook handling has not been exercised.',
        fix: 'Create a test VerificationSession and complete it in the browser with a predefined test case (one verified, one failing for requires_input), or run `identity-golive probe`. `stripe trigger` covers only identity.verification_session.created, .canceled and .redacted.',
      },
      undelivered: {
        text: 'Event {{event}} ({{type}}) was not delivered: {{reason}}.',
        fix: 'Open the event at https://dashboard.stripe.com/test/events/{{event}}, fix the handler so it returns 2xx quickly, then resend it: `stripe events resend {{event}}`.',
      },
      moreUndelivered: '…and {{count}} more undelivered Identity events.',
      outcomesUntested: {
        text: 'No {{missing}} event in test mode in the last {{days}} days: that outcome was never delivered to your handler.',
        fix: 'Complete a test session in the browser with the matching predefined test case (`stripe trigger` cannot produce it), or run `identity-golive probe`.',
      },
      truncated: 'Only the newest {{count}} Identity events were read (stripe.maxObjects).',
    },
  },
  check({ Events }) {
    const window = use(Events.test);
    const { events, windowDays } = window;
    if (events.length === 0) return outcome.of('warn', { messageId: 'noEvents', data: { days: windowDays } });
    const findings: Finding<MessageId>[] = [];
    const undelivered = events.filter((event) => event.pendingWebhooks > 0 || event.deliveryFailed);
    for (const event of undelivered.slice(0, LISTED)) {
      const reason = event.pendingWebhooks > 0 ? `${event.pendingWebhooks} endpoint${event.pendingWebhooks === 1 ? '' : 's'} still pending` : 'delivery failed';
      findings.push({ messageId: 'undelivered', level: 'fail', data: { event: event.id, type: event.type, reason }, location: { stripe: event.id } });
    }
    if (undelivered.length > LISTED) findings.push({ messageId: 'moreUndelivered', level: 'fail', data: { count: undelivered.length - LISTED } });
    const missing = OUTCOME_EVENTS.filter((type) => !events.some((event) => event.type === type));
    if (missing.length > 0) findings.push({ messageId: 'outcomesUntested', level: 'warn', data: { missing: missing.join(' or '), days: windowDays } });
    if (undelivered.length === 0) findings.push({ messageId: 'delivered', level: 'info', data: { count: events.length, days: windowDays } });
    if (window.truncated) findings.push({ messageId: 'truncated', level: 'info', data: { count: events.length } });
    return outcome.from(findings);
  },
});
