import rule from './use-case-supported.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { account, failure, modes } from '../test/support/facts.js';
import { attested } from '../test/support/attest-facts.js';

const confirmed = attested('use-case-supported');
const inCountry = (country: string | null) => ({ Account: modes({ live: account({ country }) }) });

ruleTester(rule, [
  ...attestationCases(['use-case-supported'], inCountry('US')),
  { name: 'US (generally available), confirmed', artifacts: { ...inCountry('US'), Attestations: confirmed }, status: 'pass', messageIds: ['countryAvailable', 'attested'] },
  { name: 'JP from the test key only', artifacts: { Account: modes({ test: account({ country: 'JP', mode: 'test' }) }), Attestations: confirmed }, status: 'pass' },
  { name: 'France: public beta warns', artifacts: { ...inCountry('FR'), Attestations: confirmed }, status: 'warn', messageIds: ['countryBeta', 'attested'] },
  { name: 'Brazil: not offered', artifacts: { ...inCountry('BR'), Attestations: confirmed }, status: 'fail', messageIds: ['countryUnsupported', 'attested'], mentions: ['BR'] },
  { name: 'unsupported country and no confirmation: fail wins', artifacts: { ...inCountry('IN'), Attestations: attested() }, status: 'fail', messageIds: ['countryUnsupported', 'notAttested'] },
  { name: 'no country yet', artifacts: { ...inCountry(null), Attestations: confirmed }, status: 'manual', messageIds: ['countryUnknown', 'attested'] },
  { name: 'no key at all: skipped', artifacts: { Account: modes({}), Attestations: confirmed }, status: 'skipped' },
  { name: 'live key lacks permission, no test key: error', artifacts: { Account: modes({ live: failure('permission') }), Attestations: confirmed }, status: 'error' },
  { name: 'no live key, test key rate limited: error', artifacts: { Account: modes({ test: failure('rate_limit') }), Attestations: confirmed }, status: 'error', mentions: ['rate_limit'] },
  { name: 'live key lacks permission, test key reads the account: still an error (the live evidence was asked for)', artifacts: { Account: modes({ live: failure('permission'), test: account({ country: 'US', mode: 'test' }) }), Attestations: confirmed }, status: 'error' },
]);
