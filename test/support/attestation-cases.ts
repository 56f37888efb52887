// The table cases every attestation-backed rule must get right, for the items it reads.
import type { Artifacts } from '../../src/engine/artifacts.js';
import type { AttestableItemId } from '../../src/gather/attestations/items.js';
import type { RuleCase } from './rule-tester.js';
import { FIXED_NOW } from './rule-tester.js';
import { attestation, attested } from './attest-facts.js';
import { failure } from './facts.js';

/** `base` holds the rule's other artifacts, set up so that they pass. */
export function attestationCases(items: readonly [AttestableItemId, ...AttestableItemId[]], base: Partial<Artifacts> = {}): RuleCase[] {
  const [first, ...rest] = items;
  return [
    { name: 'every item attested and current', artifacts: { ...base, Attestations: attested(...items) }, status: 'pass', mentions: ['Ada Lovelace', '2026-11-01', '2027-05-01', 'checked with legal'] },
    {
      name: 'nothing attested',
      artifacts: { ...base, Attestations: attested() },
      status: 'manual',
      mentions: [`identity-golive attest ${first}`],
    },
    {
      name: 'an attestation expired yesterday',
      artifacts: { ...base, Attestations: attested(attestation(first, { expires: '2026-11-21' }), ...rest) },
      status: 'manual',
      mentions: ['expired on 2026-11-21'],
    },
    {
      name: 'an attestation expiring today is still current',
      artifacts: { ...base, Attestations: attested(attestation(first, { expires: '2026-11-22' }), ...rest) },
      status: 'pass',
    },
    {
      name: 'an attestation past its expiry instant',
      artifacts: { ...base, Attestations: attested(attestation(first, { expires: new Date(FIXED_NOW - 1000).toISOString() }), ...rest) },
      status: 'manual',
    },
    {
      name: 'a malformed expiry date counts as expired',
      artifacts: { ...base, Attestations: attested(attestation(first, { expires: '2027-02-30' }), ...rest) },
      status: 'manual',
      mentions: ['malformed date', '2027-02-30'],
    },
    {
      name: 'a malformed attestation time counts as expired',
      artifacts: { ...base, Attestations: attested(attestation(first, { at: 'last tuesday' }), ...rest) },
      status: 'manual',
      mentions: ['last tuesday'],
    },
    {
      name: 'an attestation of another item does not count',
      artifacts: { ...base, Attestations: attested(...rest, attestation('some-other-item')) },
      status: 'manual',
    },
    {
      name: 'an attestations file that does not parse',
      artifacts: { ...base, Attestations: failure('invalid', '.identity-golive/attestations.json:3:5: not valid JSON') },
      status: 'error',
      mentions: ['attestations.json:3:5'],
    },
  ];
}
