import rule from './pricing-confirmed.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';
import { failure, modes, session } from '../test/support/facts.js';
import { attested } from '../test/support/attest-facts.js';

const confirmed = attested('pricing-confirmed');
const window = (sessions: ReturnType<typeof session>[], truncated = false) => ({ VerificationSessions: modes({ test: { sessions, windowDays: 30, truncated } }) });
const mixed = [
  session({ id: 'vs_1', status: 'verified' }),
  session({ id: 'vs_2', status: 'requires_input', lastErrorCode: 'selfie_face_mismatch' }),
  session({ id: 'vs_3', status: 'requires_input', lastErrorCode: 'abandoned' }),
  session({ id: 'vs_4', status: 'requires_input', lastErrorCode: 'consent_declined' }),
  session({ id: 'vs_5', status: 'canceled', lastErrorCode: 'document_expired' }),
  session({ id: 'vs_6', status: 'processing' }),
  session({ id: 'vs_7', status: 'requires_input' }),
];

ruleTester(rule, [
  ...attestationCases(['pricing-confirmed'], { VerificationSessions: modes({}) }),
  {
    name: 'confirmed, with a count of billable test sessions',
    artifacts: { ...window(mixed), Attestations: confirmed },
    status: 'pass',
    messageIds: ['attested', 'billableSessions'],
    mentions: ['3 of 7 test-mode verification sessions', '1 verified, 2 unverified'],
  },
  { name: 'truncated window says "at least"', artifacts: { ...window(mixed, true), Attestations: confirmed }, status: 'pass', mentions: ['object cap'] },
  { name: 'not confirmed: the count does not make it pass', artifacts: { ...window(mixed), Attestations: attested() }, status: 'manual', messageIds: ['notAttested', 'billableSessions'] },
  { name: 'no test key: the confirmation alone', artifacts: { VerificationSessions: modes({}), Attestations: confirmed }, status: 'pass', messageIds: ['attested'] },
  // A test key was given, so the sessions were asked for: a 403 is an error, never "confirmed" (issue #9).
  { name: 'sessions asked for but unreadable: error, not the confirmation alone', artifacts: { VerificationSessions: modes({ test: failure('permission') }), Attestations: confirmed }, status: 'error' },
]);
