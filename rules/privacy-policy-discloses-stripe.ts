// Checklist item 11: the privacy policy says you use Stripe for identity verification and links
// to Stripe's privacy policy, as in the paragraph Stripe suggests.
// https://docs.stripe.com/identity/before-going-live#update-privacy-policy
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import { ATTESTATION_MESSAGES, attestationFindings } from './support/attested.js';
import { PAGE_MESSAGES, STRIPE_PRIVACY_LINK, hasLink, mentionsStripeIdentity, mentionsStripePrivacyUrl, reviewPage } from './support/page-checks.js';

const messages = {
  ...PAGE_MESSAGES,
  ...ATTESTATION_MESSAGES,
  disclosed: 'The privacy policy mentions Stripe\'s identity verification and links to stripe.com/privacy.',
  noStripeIdentity: {
    text: 'The privacy policy at {{url}} does not say that you use Stripe for identity verification.',
    fix: 'Add Stripe\'s suggested paragraph: "We use Stripe for identity document verification. Stripe collects identity document images, facial images, ID numbers and addresses … read its privacy policy at https://stripe.com/privacy."',
  },
  noStripePrivacyLink: {
    text: 'The privacy policy at {{url}} does not link to https://stripe.com/privacy.',
    fix: 'Link to Stripe\'s privacy policy, https://stripe.com/privacy, next to the paragraph about identity verification.',
  },
} as const;

export default defineRule({
  meta: {
    id: 'privacy-policy-discloses-stripe',
    item: 'privacy-policy',
    title: 'Privacy policy discloses Stripe identity verification',
    failureTitle: 'Privacy policy does not disclose Stripe identity verification',
    neutralTitle: 'Privacy-policy disclosure of Stripe identity verification',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#update-privacy-policy',
    requiredArtifacts: ['Config', 'Pages', 'Attestations'],
    pages: ['privacyPolicy'],
    messages,
    defaultSeverity: 'error',
  },
  check({ Config, Pages, Attestations }, ctx) {
    const findings: Finding<keyof typeof messages>[] = [];
    if (Config.privacyPolicyUrl === undefined) findings.push({ messageId: 'pageNotChecked', level: 'info', data: { key: 'privacyPolicyUrl' } });
    else {
      const page = use(Pages.privacyPolicy);
      const review = reviewPage(page, 'privacyPolicyUrl');
      findings.push(...review.findings);
      if (review.text !== null) {
        const data = { url: page.requestedUrl };
        const location = { url: page.finalUrl };
        const identity = mentionsStripeIdentity(review.text);
        const link = hasLink(page, STRIPE_PRIVACY_LINK) || mentionsStripePrivacyUrl(review.text);
        if (!identity) findings.push({ messageId: 'noStripeIdentity', level: 'fail', data, location });
        if (!link) findings.push({ messageId: 'noStripePrivacyLink', level: 'fail', data, location });
        if (identity && link) findings.push({ messageId: 'disclosed', level: 'info', location });
      }
    }
    findings.push(...attestationFindings(use(Attestations), ['privacy-policy-discloses-stripe'], ctx.now));
    return outcome.from(findings);
  },
});
