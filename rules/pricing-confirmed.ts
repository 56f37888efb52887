// Checklist item 3: pricing is usage-based, and no API tells the price, so a person confirms they
// understand it; with a test key the rule also counts the sessions that would have been billed.
// https://support.stripe.com/questions/billing-details-for-stripe-identity
import { defineRule, outcome, type Finding } from '../src/engine/rule.js';
import { use } from '../src/engine/gathered.js';
import type { SessionFacts } from '../src/engine/artifacts.js';
import { ATTESTATION_MESSAGES, attestationFindings } from './support/attested.js';
import { askedFor } from './support/stripe.js';

/**
 * Billing counts VerificationReports that end `verified` or `unverified`. A session carries only
 * its last error, so a `last_error.code` that comes out of a processed check (document, selfie,
 * id number, email or phone found wanting) marks an unverified report; codes for a user who never
 * submitted (abandoned, declined consent, unsupported device) mark none.
 */
export const PROCESSED_ERROR_CODES: ReadonlySet<string> = new Set([
  'country_not_supported',
  'document_expired',
  'document_type_not_supported',
  'document_unverified_other',
  'email_unverified_other',
  'id_number_insufficient_document_data',
  'id_number_mismatch',
  'id_number_unverified_other',
  'phone_unverified_other',
  'selfie_document_missing_photo',
  'selfie_face_mismatch',
  'selfie_manipulated',
  'selfie_unverified_other',
  'under_supported_age',
]);

export function isBillable(session: SessionFacts): boolean {
  return session.status === 'verified' || (session.lastErrorCode !== null && PROCESSED_ERROR_CODES.has(session.lastErrorCode));
}

const messages = {
  ...ATTESTATION_MESSAGES,
  billableSessions:
    'In the last {{days}} days, {{billable}} of {{total}} test-mode verification sessions reached a billable outcome ({{verified}} verified, {{unverified}} unverified){{truncated}}; test mode is not charged, but the same volume in live mode would be.',
} as const;

export default defineRule({
  meta: {
    id: 'pricing-confirmed',
    item: 'pricing',
    title: 'Identity pricing and billing understood',
    failureTitle: 'Identity pricing and billing not confirmed',
    neutralTitle: 'Identity pricing and billing',
    docsUrl: 'https://support.stripe.com/questions/billing-details-for-stripe-identity',
    requiredArtifacts: ['Attestations', 'VerificationSessions'],
    modes: ['test'],
    messages,
    defaultSeverity: 'error',
  },
  check({ Attestations, VerificationSessions }, ctx) {
    const findings: Finding<keyof typeof messages>[] = attestationFindings(use(Attestations), ['pricing-confirmed'], ctx.now);
    // The count is a note, not evidence: without a test key the rule still rests on the attestation.
    const window = askedFor(VerificationSessions.test);
    if (window) {
      const sessions = window.value.sessions;
      const verified = sessions.filter((session) => session.status === 'verified').length;
      const billable = sessions.filter(isBillable).length;
      findings.push({
        messageId: 'billableSessions',
        level: 'info',
        data: {
          days: window.value.windowDays,
          total: sessions.length,
          billable,
          verified,
          unverified: billable - verified,
          truncated: window.value.truncated ? ' (at least: the list was cut at the object cap, and a retried session counts once)' : ' (at least: a retried session counts once)',
        },
      });
    }
    return outcome.from(findings);
  },
});
