import rule from './development-checklist-followed.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { attested } from '../test/support/attest-facts.js';

ruleTester(rule, [
  ...attestationCases(['error-handling-reviewed', 'logging-reviewed', 'api-announcements', 'keys-rotated']),
  {
    name: 'three of four parts confirmed: the missing one is named',
    artifacts: { Attestations: attested('error-handling-reviewed', 'logging-reviewed', 'api-announcements') },
    status: 'manual',
    messageIds: ['attested', 'attested', 'attested', 'notAttested'],
    mentions: ['identity-golive attest keys-rotated'],
  },
]);
