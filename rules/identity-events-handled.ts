// https://docs.stripe.com/identity/handle-verification-outcomes: "Your webhook code needs to handle"
// verified and requires_input; requires_input carries `last_error` telling why.
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, EVENT_PATTERNS, eventHandling, where, NO_INTEGRATION_MESSAGE, noIntegration } from './support/source.js';

type Id =
  | 'noIntegration'
  | 'handled' | 'noDispatch' | 'missingRequired' | 'lastErrorUnread' | 'missingRecommended';

const REQUIRED = ['verified', 'requires_input'] as const;
const RECOMMENDED = ['canceled', 'redacted'] as const;

export default defineRule({
  meta: {
    id: 'identity-events-handled',
    item: 'webhooks',
    title: 'The webhook handler reacts to verified and requires_input (and reads last_error)',
    failureTitle: 'Identity outcome events are not all handled',
    neutralTitle: 'Handling of Identity outcome events',
    docsUrl: 'https://docs.stripe.com/identity/handle-verification-outcomes',
    sourceModel: true,
    requiredArtifacts: ['Source'],
    defaultSeverity: 'error',
    patterns: [{ id: 'create', idiom: 'session.create' }, ...EVENT_PATTERNS, { id: 'last-error', idiom: 'last-error.read' }],
    messages: {
      noIntegration: NO_INTEGRATION_MESSAGE,
      handled: 'Handles {{events}} (e.g. {{where}}).',
      noDispatch: {
        text: 'No code dispatches on an event type in {{files}} scanned files: no webhook handler for Identity events was found.',
        fix: 'Add a webhook endpoint that verifies the event and switches on event.type for identity.verification_session.verified and .requires_input.',
      },
      missingRequired: {
        text: 'identity.verification_session.{{event}} is not handled.',
        fix: 'Handle it in the webhook handler: verified unlocks the user; requires_input tells them what to fix (see last_error).',
      },
      lastErrorUnread: {
        text: "The handler never reads the session's last_error, so a requires_input outcome cannot tell the user why verification failed.",
        fix: 'In the requires_input branch, read last_error.code (consent_declined, document_expired, ...) and react to it.',
      },
      missingRecommended: {
        text: 'identity.verification_session.{{event}} is not handled.',
        fix: 'Handle canceled (no further submissions are possible) and redacted (the data is gone; subscribe to it explicitly: `*` endpoints do not receive it).',
      },
    },
  },
  check({ Source }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'identity-events-handled');
    const missing = noIntegration('noIntegration', index, evidence, [...evidence.prod('evt-name'), ...evidence.prod('evt-constant')]);
    if (missing) return missing;
    const { dispatchFiles, handled } = eventHandling(evidence);
    if (dispatchFiles.size === 0) return outcome.of('fail', { messageId: 'noDispatch', data: { files: index.filesScanned } });
    const findings: Finding<Id>[] = [];
    for (const event of REQUIRED) if (!handled.has(event)) findings.push({ messageId: 'missingRequired', level: 'fail', data: { event } });
    if (evidence.prod('last-error').length === 0) findings.push({ messageId: 'lastErrorUnread', level: 'fail' });
    for (const event of RECOMMENDED) if (!handled.has(event)) findings.push({ messageId: 'missingRecommended', level: 'warn', data: { event } });
    const hits = [...handled.values()];
    if (hits.length > 0) {
      findings.push({ messageId: 'handled', level: 'info', data: { events: [...handled.keys()].join(', '), where: where(hits, 2) }, location: at(hits[0]!) });
    }
    return outcome.from(findings);
  },
});
