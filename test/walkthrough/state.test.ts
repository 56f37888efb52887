import { describe, expect, it } from 'vitest';
import { startIndex, viewAll, viewItem, type Evaluation } from '../../src/walkthrough/state.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { attested, attestation, pages } from '../support/attest-facts.js';
import { config } from '../support/facts.js';
import { FIXED_NOW } from '../support/rule-tester.js';
import { CHECKLIST } from '../../src/engine/checklist.js';

const rules = ['identity-branding-reviewed', 'pricing-confirmed', 'privacy-policy-url'].map((id) => RULES_BY_ID.get(id)!);
const evaluation = (Attestations = attested()): Evaluation => ({
  rules,
  artifacts: { Attestations, Config: config(), Pages: pages(), VerificationSessions: { live: { ok: false, failure: { kind: 'no_key', message: 'm', fix: 'f' } }, test: { ok: false, failure: { kind: 'no_key', message: 'm', fix: 'f' } } } },
  severities: new Map(),
  now: FIXED_NOW,
  offline: false,
});
const index = (id: string) => CHECKLIST.findIndex((item) => item.id === id);

describe('walkthrough item states', () => {
  it.each([
    ['an item whose attestation is missing is open', 'branding', attested(), new Set<string>(), 'open', 1],
    ['an attested item is done', 'branding', attested('identity-branding-reviewed'), new Set<string>(), 'done', 0],
    ['an expired attestation reopens it', 'branding', attested(attestation('identity-branding-reviewed', { expires: '2026-01-01' })), new Set<string>(), 'open', 1],
    ['a skipped open item stays skipped', 'branding', attested(), new Set(['branding']), 'skipped', 1],
    ['a skip does not hide a done item', 'branding', attested('identity-branding-reviewed'), new Set(['branding']), 'done', 0],
    ['an attestable item with no rule selected is still open', 'use-case', attested(), new Set<string>(), 'open', 1],
    ['an item no rule serves and nobody attests', 'sensitive-data', attested(), new Set<string>(), 'unchecked', 0],
    ['a failing automatic check keeps an attested item open', 'privacy-policy-url', attested('privacy-policy-url'), new Set<string>(), 'open', 0],
  ] as const)('%s', (_name, item, Attestations, skipped, state, pending) => {
    const view = viewItem(index(item), evaluation(Attestations), skipped);
    expect({ state: view.state, pending: view.pending.length }).toEqual({ state, pending });
  });

  it('starts at the first open item, then the first skipped, then nowhere', () => {
    const all = attested(...(['use-case-supported', 'identity-branding-reviewed', 'pricing-confirmed', 'attempt-limit-decided', 'alternative-verification-offered', 'webhooks-tested-end-to-end', 'development-checklist-followed/error-handling', 'development-checklist-followed/logging', 'development-checklist-followed/api-announcements', 'development-checklist-followed/keys-rotated', 'privacy-policy-discloses-stripe', 'privacy-policy-url', 'faq-published', 'deletion-explained'] as const));
    expect(startIndex(viewAll(evaluation(), new Set()))).toBe(0);
    expect(startIndex(viewAll(evaluation(), new Set(['use-case'])))).toBe(index('branding'));
    const onlyUrl = viewAll(evaluation(all), new Set(['privacy-policy-url']));
    expect(startIndex(onlyUrl)).toBe(index('privacy-policy-url'));
    const noRules: Evaluation = { ...evaluation(all), rules: rules.filter((rule) => rule.meta.id !== 'privacy-policy-url') };
    expect(startIndex(viewAll(noRules, new Set()))).toBeNull();
  });
});
