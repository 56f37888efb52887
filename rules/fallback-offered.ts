// https://docs.stripe.com/identity/handle-verification-outcomes: some users cannot complete a
// verification (consent_declined, under_supported_age, device or country not supported); offer
// them another way.
import { defineRule, outcome } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { at, Evidence, eventSuffix, NO_INTEGRATION_MESSAGE, noIntegration, where } from './support/source.js';

export const FALLBACK_CODES = ['consent_declined', 'under_supported_age', 'device_not_supported', 'country_not_supported'] as const;

export default defineRule({
  meta: {
    id: 'fallback-offered',
    item: 'alternative-verification',
    title: 'Users who cannot verify are offered another path',
    failureTitle: 'No alternative path for users who cannot verify',
    neutralTitle: 'Another path for users who cannot verify',
    docsUrl: 'https://docs.stripe.com/identity/handle-verification-outcomes',
    sourceModel: true,
    requiredArtifacts: ['Source'],
    defaultSeverity: 'error',
    patterns: [
      { id: 'create', idiom: 'session.create' },
      { id: 'code', idiom: 'last-error.fallback-code' },
    ],
    messages: {
      handled: 'Branches on {{codes}} ({{where}}).',
      noIntegration: NO_INTEGRATION_MESSAGE,
      noFallback: {
        text: 'No code looks at {{codes}}: users who decline consent, are too young, or whose device or country is unsupported hit a dead end.',
        fix: "In the requires_input handler, branch on last_error.code and route these users to your support process or a manual review (check with counsel whether you must offer a non-biometric alternative).",
      },
    },
  },
  check({ Source }) {
    const index = use(Source);
    const evidence = new Evidence(index, 'fallback-offered');
    const missing = noIntegration('noIntegration', index, evidence);
    if (missing) return missing;
    // A code named in a branch that does nothing (`case 'consent_declined': break;`) is no fallback (issue #11 §5).
    const empty = new Set((index.model?.emptyFallbacks ?? []).map((cited) => `${cited.file}:${cited.line}`));
    const hits = evidence.prod('code').filter((hit) => !empty.has(`${hit.file}:${hit.line}`));
    if (hits.length === 0) return outcome.of('warn', { messageId: 'noFallback', data: { codes: FALLBACK_CODES.join(', ') } });
    const codes = [...new Set(hits.map((hit) => eventSuffix(hit.capture)))];
    return outcome.pass({ messageId: 'handled', data: { codes: codes.join(', '), where: where(hits, 2) }, location: at(hits[0]!) });
  },
});
