import rule from './privacy-policy-discloses-stripe.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { config, failure } from '../test/support/facts.js';
import { attested, page, pages } from '../test/support/attest-facts.js';

const url = 'https://example.com/privacy';
const Config = config({ privacyPolicyUrl: url });
const SUGGESTED =
  'We use Stripe for identity document verification. Stripe collects identity document images, facial images, ID numbers and addresses. You can read its privacy policy at https://stripe.com/privacy.';
const policy = (text: string, links: string[] = []) => ({ Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, text, links }) }) });
const good = policy(SUGGESTED, ['https://stripe.com/privacy']);
const confirmed = attested('privacy-policy-discloses-stripe');

ruleTester(rule, [
  ...attestationCases(['privacy-policy-discloses-stripe'], good),
  { name: "Stripe's suggested paragraph, linked", artifacts: { ...good, Attestations: confirmed }, status: 'pass', messageIds: ['pageReachable', 'disclosed', 'attested'] },
  { name: 'a locale link to Stripe\'s policy', artifacts: { ...policy('We rely on Stripe Identity to verify your identity.', ['https://stripe.com/en-gb/privacy']), Attestations: confirmed }, status: 'pass' },
  { name: 'curly quotes and odd case still match', artifacts: { ...policy('STRIPE’s identity   verification service checks your ID. See stripe.com/privacy'), Attestations: confirmed }, status: 'pass' },
  {
    name: 'Stripe named for payments only',
    artifacts: { ...policy('We use Stripe to process your payments.', ['https://stripe.com/privacy']), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageReachable', 'noStripeIdentity', 'attested'],
  },
  {
    name: 'identity verification without a link to Stripe\'s policy',
    artifacts: { ...policy('We use Stripe for identity verification.', ['https://stripe.com/']), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageReachable', 'noStripePrivacyLink', 'attested'],
  },
  { name: 'a page that says nothing about it', artifacts: { ...policy('We respect your privacy.'), Attestations: confirmed }, status: 'fail', messageIds: ['pageReachable', 'noStripeIdentity', 'noStripePrivacyLink', 'attested'] },
  { name: 'the policy answers 404', artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, status: 404, text: SUGGESTED }) }), Attestations: confirmed }, status: 'fail', messageIds: ['pageBadStatus', 'attested'] },
  { name: 'no URL configured: the confirmation alone', artifacts: { Config: config(), Pages: pages(), Attestations: confirmed }, status: 'pass', messageIds: ['pageNotChecked', 'attested'] },
  { name: 'no URL configured and not confirmed', artifacts: { Config: config(), Pages: pages(), Attestations: attested() }, status: 'manual', messageIds: ['pageNotChecked', 'notAttested'] },
  { name: 'offline', artifacts: { Config, Pages: pages({ privacyPolicy: failure('offline') }), Attestations: confirmed }, status: 'skipped' },
]);
