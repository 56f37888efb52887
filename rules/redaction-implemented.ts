// https://docs.stripe.com/identity/before-going-live#data-deletion and
// https://docs.stripe.com/identity/verification-sessions#redact: users can have their data deleted;
// the integration redacts sessions and learns when redaction completes (the `redacted` event,
// which `*` endpoints do not receive).
import { defineRule, outcome } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, EVENT_PATTERNS, eventHandling, where, NO_INTEGRATION_MESSAGE, noIntegration, restHits } from './support/source.js';

export default defineRule({
  meta: {
    id: 'redaction-implemented',
    item: 'data-deletion',
    title: 'Verification data can be deleted: sessions are redacted and redaction is tracked',
    failureTitle: 'The integration cannot delete verification data',
    neutralTitle: 'Deletion (redaction) of verification data',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#data-deletion',
    sourceModel: true,
    requiredArtifacts: ['Source'],
    defaultSeverity: 'error',
    patterns: [{ id: 'create', idiom: 'session.create' }, { id: 'redact', idiom: 'session.redact' }, ...EVENT_PATTERNS],
    messages: {
      noIntegration: NO_INTEGRATION_MESSAGE,
      implemented: 'Sessions are redacted ({{redact}}) and identity.verification_session.redacted is handled ({{event}}).',
      noRedact: {
        text: 'No code redacts a VerificationSession ({{files}} files scanned).',
        fix: "Add a data-deletion path that calls verificationSessions.redact(id) (your SDK's redact) for the user's sessions.",
      },
      redactOnlyInTests: {
        text: 'Sessions are redacted only in tests ({{where}}).',
        fix: 'Call redact from the production data-deletion path.',
      },
      redactedNotTracked: 'Sessions are redacted ({{redact}}); the redacted event is not handled (identity-events-handled reports that).',
    },
  },
  check({ Source }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'redaction-implemented');
    const missing = noIntegration('noIntegration', index, evidence, [...evidence.prod('redact'), ...evidence.prod('evt-name'), ...evidence.prod('evt-constant')]);
    if (missing) return missing;
    // SDK redact calls, and REST calls to /v1/identity/verification_sessions/:id/redact.
    const redact = [...evidence.prod('redact'), ...restHits(index, 'redact')];
    if (redact.length === 0) {
      const inTests = evidence.onlyInTests('redact');
      return outcome.of('fail', inTests.length > 0 ? { messageId: 'redactOnlyInTests', data: { where: where(inTests) }, location: at(inTests[0]!) } : { messageId: 'noRedact', data: { files: index.filesScanned } });
    }
    // The rule passes on the redact call; an unhandled `redacted` event is identity-events-handled's warning (issue #11 §5).
    const redacted = eventHandling(evidence).handled.get('redacted');
    if (!redacted) return outcome.pass({ messageId: 'redactedNotTracked', data: { redact: where(redact, 2) }, location: at(redact[0]!) });
    return outcome.pass({ messageId: 'implemented', data: { redact: where(redact, 2), event: where([redacted], 1) }, location: at(redact[0]!) });
  },
});
