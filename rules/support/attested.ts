// Shared by every rule that needs a person's confirmation: the standard messages, the findings
// for one or more attestable items, and a small factory for rules that read nothing else.
import type { AttestationSet } from '../../src/gather/attestations/types.js';
import { attestableItem, type AttestableItemId } from '../../src/gather/attestations/items.js';
import { attestationState, isoDay } from '../../src/gather/attestations/status.js';
import type { ChecklistItemId } from '../../src/engine/checklist.js';
import { defineRule, outcome, type AnyRule, type Finding, type MessageSpec } from '../../src/engine/rule.js';
import { use } from '../../src/engine/gathered.js';

export const ATTESTATION_MESSAGES = {
  attested: '{{item}}: confirmed by {{by}} on {{at}}, valid through {{expires}}{{note}}',
  notAttested: {
    text: 'Not confirmed yet: {{question}}',
    fix: 'When it is true, run `identity-golive attest {{item}} --note "…"` (or `identity-golive walkthrough`). Stripe: {{url}}',
  },
  attestationExpired: {
    text: 'The confirmation by {{by}} expired on {{expires}}: {{question}}',
    fix: 'Check it again, then renew it with `identity-golive attest {{item}} --note "…"`.',
  },
  attestationMalformed: {
    text: 'The confirmation of "{{item}}" in {{file}} has a malformed date (at "{{at}}", expires "{{expires}}"), so it counts as expired.',
    fix: 'Record it again with `identity-golive attest {{item}} --note "…"`.',
  },
} as const satisfies Record<string, MessageSpec>;

export type AttestationMessageId = keyof typeof ATTESTATION_MESSAGES;

/** One finding per item: info when current, manual when missing or expired. */
export function attestationFindings(set: AttestationSet, items: readonly AttestableItemId[], now: number): Finding<AttestationMessageId>[] {
  return items.map((id): Finding<AttestationMessageId> => {
    const { question, url } = attestableItem(id);
    const state = attestationState(set.entries, id, now);
    if (state.state === 'missing') return { messageId: 'notAttested', level: 'manual', data: { item: id, question, url } };
    const { entry } = state;
    if (state.state === 'expired' && state.reason === 'malformed_date') {
      return { messageId: 'attestationMalformed', level: 'manual', data: { item: id, file: set.file, at: entry.at, expires: entry.expires } };
    }
    if (state.state === 'expired') return { messageId: 'attestationExpired', level: 'manual', data: { item: id, by: entry.by, expires: entry.expires, question } };
    const note = entry.note ? ` — "${entry.note}"` : '';
    const evidence = entry.evidence ? ` (evidence: ${entry.evidence})` : '';
    return {
      messageId: 'attested',
      level: 'info',
      data: { item: id, by: entry.by, at: atDay(entry.at), expires: isoDay(state.expiresAt - 1), note: `${note}${evidence}` },
    };
  });
}

function atDay(at: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : at;
}

export interface AttestedRuleSpec {
  id: string;
  item: ChecklistItemId;
  title: string;
  failureTitle: string;
  neutralTitle: string;
  docsUrl: string;
  attestations: readonly [AttestableItemId, ...AttestableItemId[]];
}

/** A rule whose only evidence is people's confirmations: passes when all are current. */
export function attestedRule(spec: AttestedRuleSpec): AnyRule {
  return defineRule({
    meta: {
      id: spec.id,
      item: spec.item,
      title: spec.title,
      failureTitle: spec.failureTitle,
      neutralTitle: spec.neutralTitle,
      docsUrl: spec.docsUrl,
      requiredArtifacts: ['Attestations'],
      messages: ATTESTATION_MESSAGES,
      defaultSeverity: 'error',
    },
    check({ Attestations }, ctx) {
      return outcome.from(attestationFindings(use(Attestations), spec.attestations, ctx.now));
    },
  });
}
