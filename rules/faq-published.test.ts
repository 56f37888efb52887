import rule from './faq-published.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { config, failure } from '../test/support/facts.js';
import { attested, page, pages } from '../test/support/attest-facts.js';

const url = 'https://example.com/help/identity';
const Config = config({ faqUrl: url });
const FULL = [
  'Why do we use Stripe? We partner with Stripe to verify your identity.',
  'How does identity verification work? You take a photo of your ID and a selfie.',
  'Who has access to my verification data? Only our compliance team and Stripe.',
  'How can I access or delete my verification data? Email us and we will delete it.',
  'Can I get verified using a different method? Yes, contact support for a manual review.',
].join('\n');
const faq = (text: string) => ({ Config, Pages: pages({ faq: page({ requestedUrl: url, text }) }) });
const confirmed = attested('faq-published');

ruleTester(rule, [
  ...attestationCases(['faq-published'], faq(FULL)),
  { name: 'answers every usual question', artifacts: { ...faq(FULL), Attestations: confirmed }, status: 'pass', messageIds: ['pageReachable', 'faqComplete', 'attested'] },
  {
    name: 'no alternative method',
    artifacts: { ...faq(FULL.replace('Can I get verified using a different method? Yes, contact support for a manual review.', '')), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageReachable', 'faqMissingTopic', 'attested'],
    mentions: ['Can I get verified using a different method?'],
  },
  {
    name: 'a generic FAQ with none of it',
    artifacts: { ...faq('Shipping takes 3 days. Returns are free.'), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageReachable', 'faqMissingTopic', 'faqMissingTopic', 'faqMissingTopic', 'faqMissingTopic', 'faqMissingTopic', 'attested'],
  },
  { name: 'the FAQ is gone', artifacts: { Config, Pages: pages({ faq: page({ requestedUrl: url, status: 410 }) }), Attestations: confirmed }, status: 'fail', messageIds: ['pageBadStatus', 'attested'] },
  { name: 'no faqUrl: the confirmation alone', artifacts: { Config: config(), Pages: pages(), Attestations: confirmed }, status: 'pass', messageIds: ['pageNotChecked', 'attested'] },
  { name: 'network failure', artifacts: { Config, Pages: pages({ faq: failure('network') }), Attestations: confirmed }, status: 'error' },
]);
