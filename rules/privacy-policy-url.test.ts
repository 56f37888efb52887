import rule from './privacy-policy-url.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { config, failure } from '../test/support/facts.js';
import { attested, page, pages } from '../test/support/attest-facts.js';

const url = 'https://example.com/privacy';
const Config = config({ privacyPolicyUrl: url });
const ok = { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url }) }) };
const confirmed = attested('privacy-policy-url');

ruleTester(rule, [
  ...attestationCases(['privacy-policy-url'], ok),
  { name: 'reachable over https and confirmed', artifacts: { ...ok, Attestations: confirmed }, status: 'pass', messageIds: ['pageReachable', 'attested'], mentions: ['answered HTTP 200'] },
  {
    name: 'reachable after redirects that stay on https',
    artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, finalUrl: 'https://www.example.com/legal/privacy', redirects: 2, visited: [url, 'https://www.example.com/privacy', 'https://www.example.com/legal/privacy'] }) }), Attestations: confirmed },
    status: 'pass',
    mentions: ['after 2 redirects to https://www.example.com/legal/privacy'],
  },
  { name: 'no URL in the config', artifacts: { Config: config(), Pages: pages(), Attestations: confirmed }, status: 'fail', messageIds: ['notConfigured', 'attested'], mentions: ['privacyPolicyUrl'] },
  {
    name: 'plain http',
    artifacts: { Config: config({ privacyPolicyUrl: 'http://example.com/privacy' }), Pages: pages({ privacyPolicy: page({ requestedUrl: 'http://example.com/privacy' }) }), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageNotHttps', 'attested'],
  },
  {
    name: 'https that redirects through http',
    artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, finalUrl: 'https://example.com/p', redirects: 2, visited: [url, 'http://example.com/p', 'https://example.com/p'] }) }), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageNotHttps', 'attested'],
    mentions: ['via http://example.com/p'],
  },
  { name: '404', artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, status: 404 }) }), Attestations: confirmed }, status: 'fail', messageIds: ['pageBadStatus', 'attested'], mentions: ['HTTP 404'] },
  { name: '500', artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, status: 503 }) }), Attestations: confirmed }, status: 'fail', messageIds: ['pageBadStatus', 'attested'] },
  {
    name: 'redirect loop',
    artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, finalUrl: 'https://example.com/b', status: 302, redirects: 1, redirectProblem: 'loop' }) }), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageRedirectLoop', 'attested'],
  },
  {
    name: 'too many redirects',
    artifacts: { Config, Pages: pages({ privacyPolicy: page({ requestedUrl: url, finalUrl: 'https://example.com/6', status: 301, redirects: 5, redirectProblem: 'too_many' }) }), Attestations: confirmed },
    status: 'fail',
    messageIds: ['pageTooManyRedirects', 'attested'],
    mentions: ['more than 5 times'],
  },
  { name: 'offline: skipped, never passed', artifacts: { Config, Pages: pages({ privacyPolicy: failure('offline') }), Attestations: confirmed }, status: 'skipped', offline: true },
  { name: 'timeout: could not check', artifacts: { Config, Pages: pages({ privacyPolicy: failure('timeout') }), Attestations: confirmed }, status: 'error' },
  { name: 'TLS not trusted: could not check', artifacts: { Config, Pages: pages({ privacyPolicy: failure('network', 'TLS certificate not trusted') }), Attestations: confirmed }, status: 'error' },
]);
