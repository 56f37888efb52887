import rule from './development-checklist-followed.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { attested } from '../test/support/attest-facts.js';

ruleTester(rule, [
  ...attestationCases(['development-checklist-followed/error-handling', 'development-checklist-followed/logging', 'development-checklist-followed/api-announcements', 'development-checklist-followed/keys-rotated']),
  {
    name: 'three of four parts confirmed: the missing one is named',
    artifacts: { Attestations: attested('development-checklist-followed/error-handling', 'development-checklist-followed/logging', 'development-checklist-followed/api-announcements') },
    status: 'manual',
    messageIds: ['attested', 'attested', 'attested', 'notAttested'],
    mentions: ['identity-golive attest development-checklist-followed/keys-rotated'],
  },
]);
