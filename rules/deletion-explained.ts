// Checklist item 14: users are told how to delete their verification data, and that Stripe's own
// copy is deleted through Stripe (support, privacy@stripe.com).
// https://docs.stripe.com/identity/before-going-live#data-deletion
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { ATTESTATION_MESSAGES, attestationFindings } from './support/attested.js';
import { PAGE_MESSAGES, explainsDeletion, mentionsStripeContact, reviewPage } from './support/page-checks.js';

const messages = {
  ...PAGE_MESSAGES,
  ...ATTESTATION_MESSAGES,
  deletionExplained: 'The page tells users how to delete their data and how to reach Stripe for its copy.',
  noDeletionSteps: {
    text: 'The page at {{url}} does not tell users how to request deletion of their verification data.',
    fix: 'Explain how a user asks you to delete their verification data (you redact the VerificationSession).',
  },
  noStripeContact: {
    text: 'The page at {{url}} does not tell users to contact Stripe (support or privacy@stripe.com) for the data Stripe holds.',
    fix: 'Add that Stripe keeps its own copy, and that users can ask Stripe to delete it through https://support.stripe.com or privacy@stripe.com.',
  },
} as const;

export default defineRule({
  meta: {
    id: 'deletion-explained',
    item: 'data-deletion',
    title: 'Users are told how to delete their verification data',
    failureTitle: 'Users are not told how to delete their verification data',
    neutralTitle: 'How users delete their verification data',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#data-deletion',
    requiredArtifacts: ['Config', 'Pages', 'Attestations'],
    pages: ['deletion', 'privacyPolicy'],
    messages,
    defaultSeverity: 'error',
  },
  check({ Config, Pages, Attestations }, ctx) {
    const findings: Finding<keyof typeof messages>[] = [];
    // The deletion instructions often live in the privacy policy: read it when no page of their own is named.
    const source = Config.deletionUrl !== undefined ? { key: 'deletionUrl', page: Pages.deletion } : Config.privacyPolicyUrl !== undefined ? { key: 'privacyPolicyUrl', page: Pages.privacyPolicy } : null;
    if (source === null) findings.push({ messageId: 'pageNotChecked', level: 'info', data: { key: 'deletionUrl' } });
    else {
      const page = use(source.page);
      const review = reviewPage(page, source.key);
      findings.push(...review.findings);
      if (review.text !== null) {
        const data = { url: page.requestedUrl };
        const location = { url: page.finalUrl };
        const steps = explainsDeletion(review.text);
        const stripe = mentionsStripeContact(page, review.text);
        if (!steps) findings.push({ messageId: 'noDeletionSteps', level: 'fail', data, location });
        if (!stripe) findings.push({ messageId: 'noStripeContact', level: 'fail', data, location });
        if (steps && stripe) findings.push({ messageId: 'deletionExplained', level: 'info', location });
      }
    }
    findings.push(...attestationFindings(use(Attestations), ['deletion-explained'], ctx.now));
    return outcome.from(findings);
  },
});
