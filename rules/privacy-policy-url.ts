// Checklist item 12: Identity links to your privacy policy from the URL in your account settings.
// The API does not expose that setting, so the config names the URL (checked over https) and a
// person confirms it is the one set in the Dashboard.
// https://docs.stripe.com/identity/before-going-live#privacy-policy-url
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { ATTESTATION_MESSAGES, attestationFindings } from './support/attested.js';
import { PAGE_MESSAGES, reviewPage } from './support/page-checks.js';

export default defineRule({
  meta: {
    id: 'privacy-policy-url',
    item: 'privacy-policy-url',
    title: 'Privacy-policy URL provided and reachable over https',
    failureTitle: 'Privacy-policy URL missing, unreachable or not confirmed in the Dashboard',
    neutralTitle: 'Privacy-policy URL',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#privacy-policy-url',
    requiredArtifacts: ['Config', 'Pages', 'Attestations'],
    pages: ['privacyPolicy'],
    messages: {
      ...PAGE_MESSAGES,
      ...ATTESTATION_MESSAGES,
      notConfigured: {
        text: 'No privacy-policy URL in the config, so it cannot be checked.',
        fix: 'Set "privacyPolicyUrl" to the https URL of your public privacy policy (the same one as in https://dashboard.stripe.com/settings/account?support_details=true).',
      },
    },
    defaultSeverity: 'error',
  },
  check({ Config, Pages, Attestations }, ctx) {
    const findings: Finding<keyof typeof PAGE_MESSAGES | keyof typeof ATTESTATION_MESSAGES | 'notConfigured'>[] = [];
    if (Config.privacyPolicyUrl === undefined) findings.push({ messageId: 'notConfigured', level: 'fail' });
    else findings.push(...reviewPage(use(Pages.privacyPolicy), 'privacyPolicyUrl').findings);
    findings.push(...attestationFindings(use(Attestations), ['privacy-policy-url'], ctx.now));
    return outcome.from(findings);
  },
});
