// https://docs.stripe.com/identity/before-going-live#data-deletion and
// https://docs.stripe.com/identity/verification-sessions#redact: users can have their data deleted;
// the integration redacts sessions and learns when redaction completes (the `redacted` event,
// which `*` endpoints do not receive).
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, EVENT_PATTERNS, eventHandling, where, NO_INTEGRATION_MESSAGE, noIntegration } from './support/source.js';

type Id =
  | 'noIntegration'
  | 'implemented' | 'noRedact' | 'redactOnlyInTests' | 'redactedUnhandled';

export default defineRule({
  meta: {
    id: 'redaction-implemented',
    item: 'data-deletion',
    title: 'Verification data can be deleted: sessions are redacted and redaction is tracked',
    failureTitle: 'The integration cannot delete verification data',
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
      redactedUnhandled: {
        text: 'identity.verification_session.redacted is not handled, so you never learn that a deletion finished (it can take up to four days).',
        fix: 'Handle the redacted event in the webhook handler, and subscribe the endpoint to it explicitly (`*` does not include it).',
      },
    },
  },
  check({ Source }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'redaction-implemented');
    const missing = noIntegration('noIntegration', index, evidence, [...evidence.prod('redact'), ...evidence.prod('evt-dispatch'), ...evidence.prod('evt-name')]);
    if (missing) return missing;
    const redact = evidence.prod('redact');
    const findings: Finding<Id>[] = [];
    if (redact.length === 0) {
      const inTests = evidence.onlyInTests('redact');
      findings.push(inTests.length > 0 ? { messageId: 'redactOnlyInTests', level: 'fail', data: { where: where(inTests) }, location: at(inTests[0]!) } : { messageId: 'noRedact', level: 'fail', data: { files: index.filesScanned } });
    }
    const redacted = eventHandling(evidence).handled.get('redacted');
    if (!redacted) findings.push({ messageId: 'redactedUnhandled', level: 'fail' });
    if (findings.length > 0) return outcome.from(findings);
    return outcome.pass({ messageId: 'implemented', data: { redact: where(redact, 2), event: where([redacted!], 1) }, location: at(redact[0]!) });
  },
});
