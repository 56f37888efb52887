import rule from './deletion-explained.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { config, failure } from '../test/support/facts.js';
import { attested, page, pages } from '../test/support/attest-facts.js';

const deletionUrl = 'https://example.com/delete-my-data';
const privacyPolicyUrl = 'https://example.com/privacy';
const GOOD =
  'To delete your verification data, email privacy@example.com and we will redact it. Stripe keeps its own copy: contact Stripe support or email privacy@stripe.com to have it deleted.';
const deletionPage = (text: string, links: string[] = []) => ({ Config: config({ deletionUrl }), Pages: pages({ deletion: page({ requestedUrl: deletionUrl, text, links }) }) });
const confirmed = attested('deletion-explained');

ruleTester(rule, [
  ...attestationCases(['deletion-explained'], deletionPage(GOOD)),
  { name: 'steps and Stripe contact on the deletion page', artifacts: { ...deletionPage(GOOD), Attestations: confirmed }, status: 'pass', messageIds: ['pageReachable', 'deletionExplained', 'attested'] },
  {
    name: 'Stripe support reached through a link',
    artifacts: { ...deletionPage('You can request deletion of your data at any time. For Stripe\'s copy, see our help centre.', ['https://support.stripe.com/questions/managing-your-id-verification-information']), Attestations: confirmed },
    status: 'pass',
  },
  {
    name: 'falls back to the privacy policy',
    artifacts: { Config: config({ privacyPolicyUrl }), Pages: pages({ privacyPolicy: page({ requestedUrl: privacyPolicyUrl, text: GOOD }) }), Attestations: confirmed },
    status: 'pass',
    mentions: [privacyPolicyUrl],
  },
  { name: 'our deletion only, Stripe not mentioned', artifacts: { ...deletionPage('Ask us to delete your data by email.'), Attestations: confirmed }, status: 'fail', messageIds: ['pageReachable', 'noStripeContact', 'attested'] },
  { name: 'Stripe mentioned, no deletion steps', artifacts: { ...deletionPage('We use Stripe. Contact Stripe support with questions.'), Attestations: confirmed }, status: 'fail', messageIds: ['pageReachable', 'noDeletionSteps', 'attested'] },
  { name: 'the page redirects in a loop', artifacts: { Config: config({ deletionUrl }), Pages: pages({ deletion: page({ requestedUrl: deletionUrl, status: 302, redirects: 1, redirectProblem: 'loop' }) }), Attestations: confirmed }, status: 'fail', messageIds: ['pageRedirectLoop', 'attested'] },
  { name: 'no page configured: the confirmation alone', artifacts: { Config: config(), Pages: pages(), Attestations: confirmed }, status: 'pass', messageIds: ['pageNotChecked', 'attested'] },
  { name: 'offline', artifacts: { Config: config({ deletionUrl }), Pages: pages({ deletion: failure('offline') }), Attestations: confirmed }, status: 'skipped' },
]);
