// What only a person can confirm, as data: each attestable item names the rule that asks for it,
// the checklist item it serves, the question a person answers, and Stripe's page for it. Rules,
// `attest` and the walkthrough all read this one list.
//
// One naming scheme: a confirmation carries the id of the rule that reads it; a rule that needs
// several (development-checklist-followed) names each `<rule>/<part>`. Ids of older versions stay
// readable through `formerly` and are rewritten on the next write of the file.
import type { ChecklistItemId } from '../../engine/checklist.js';

export interface AttestableItem {
  readonly id: string;
  /** The rule whose verdict this confirmation feeds. */
  readonly rule: string;
  readonly item: ChecklistItemId;
  /** Ids this confirmation had in earlier versions (still read from existing files). */
  readonly formerly: readonly string[];
  /** A yes/no question, answered "yes" by attesting. */
  readonly question: string;
  /** Stripe's page for it (or the Dashboard page where it is done). */
  readonly url: string;
}

export const ATTESTABLE_ITEMS = [
  {
    id: 'use-case-supported',
    rule: 'use-case-supported',
    formerly: ['use-case'],
    item: 'use-case',
    question: "Is your use case and business supported by Stripe Identity (Stripe's supported use cases and the Identity terms)?",
    url: 'https://docs.stripe.com/identity/use-cases',
  },
  {
    id: 'identity-branding-reviewed',
    rule: 'identity-branding-reviewed',
    formerly: ['identity-branding'],
    item: 'branding',
    question: "Have you reviewed the Identity tab of the Dashboard's branding settings (name, logo, colours shown during verification)?",
    url: 'https://dashboard.stripe.com/settings/branding?tab=identity',
  },
  {
    id: 'pricing-confirmed',
    rule: 'pricing-confirmed',
    formerly: ['pricing'],
    item: 'pricing',
    question: 'Do you understand how Identity is priced and billed (each completed verification is charged)?',
    url: 'https://support.stripe.com/questions/billing-details-for-stripe-identity',
  },
  {
    id: 'attempt-limit-decided',
    rule: 'attempt-limit-decided',
    formerly: ['attempt-limit'],
    item: 'submission-attempts',
    question: 'Have you decided how many verification attempts one user may make, and enforced it?',
    url: 'https://docs.stripe.com/identity/before-going-live#limit-submission-attempts',
  },
  {
    id: 'alternative-verification-offered',
    rule: 'alternative-verification-offered',
    formerly: ['alternative-verification'],
    item: 'alternative-verification',
    question: 'Does your support process offer an alternative way to verify users who cannot or will not use Stripe Identity?',
    url: 'https://docs.stripe.com/identity/handle-verification-outcomes',
  },
  {
    id: 'webhooks-tested-end-to-end',
    rule: 'webhooks-tested-end-to-end',
    formerly: ['webhooks-tested'],
    item: 'webhooks',
    question: 'Have you tested your webhook handling end to end (verified, requires_input, redacted events reach your handler and are processed)?',
    url: 'https://docs.stripe.com/webhooks#best-practices',
  },
  {
    id: 'development-checklist-followed/error-handling',
    rule: 'development-checklist-followed',
    formerly: ['error-handling-reviewed'],
    item: 'development-checklist',
    question: 'Have you reviewed your API error handling (every Stripe error type handled)?',
    url: 'https://docs.stripe.com/get-started/checklist/go-live',
  },
  {
    id: 'development-checklist-followed/logging',
    rule: 'development-checklist-followed',
    formerly: ['logging-reviewed'],
    item: 'development-checklist',
    question: 'Have you reviewed your logging (nothing sensitive or personal is logged)?',
    url: 'https://docs.stripe.com/get-started/checklist/go-live',
  },
  {
    id: 'development-checklist-followed/api-announcements',
    rule: 'development-checklist-followed',
    formerly: ['api-announcements'],
    item: 'development-checklist',
    question: "Is someone on your team subscribed to Stripe's API announcements mailing list?",
    url: 'https://docs.stripe.com/get-started/checklist/go-live',
  },
  {
    id: 'development-checklist-followed/keys-rotated',
    rule: 'development-checklist-followed',
    formerly: ['keys-rotated'],
    item: 'development-checklist',
    question: 'Have you rotated your API keys before going live, and kept them out of your code?',
    url: 'https://docs.stripe.com/keys-best-practices',
  },
  {
    id: 'privacy-policy-discloses-stripe',
    rule: 'privacy-policy-discloses-stripe',
    formerly: ['privacy-policy-updated'],
    item: 'privacy-policy',
    question: 'Does your privacy policy say that you use Stripe for identity verification (and link to stripe.com/privacy)?',
    url: 'https://docs.stripe.com/identity/before-going-live#update-privacy-policy',
  },
  {
    id: 'privacy-policy-url',
    rule: 'privacy-policy-url',
    formerly: ['privacy-policy-url-in-dashboard'],
    item: 'privacy-policy-url',
    question: "Is your privacy-policy URL set in the Dashboard's account settings (public support details)?",
    url: 'https://dashboard.stripe.com/settings/account?support_details=true',
  },
  {
    id: 'faq-published',
    rule: 'faq-published',
    formerly: [],
    item: 'customer-faq',
    question: 'Have you published an FAQ that explains ID verification and Stripe Identity to your customers?',
    url: 'https://docs.stripe.com/identity/explaining-identity',
  },
  {
    id: 'deletion-explained',
    rule: 'deletion-explained',
    formerly: ['deletion-instructions'],
    item: 'data-deletion',
    question: "Do you tell your users how to delete their verification data, including Stripe's copy (Stripe support, privacy@stripe.com)?",
    url: 'https://docs.stripe.com/identity/before-going-live#data-deletion',
  },
] as const satisfies readonly AttestableItem[];

export type AttestableItemId = (typeof ATTESTABLE_ITEMS)[number]['id'];

export const ATTESTABLE_IDS: readonly AttestableItemId[] = ATTESTABLE_ITEMS.map((entry) => entry.id);

export function isAttestableItem(id: string): id is AttestableItemId {
  return (ATTESTABLE_IDS as readonly string[]).includes(id);
}

export function attestableItem(id: AttestableItemId): AttestableItem {
  return ATTESTABLE_ITEMS.find((entry) => entry.id === id)!;
}

export function attestableItemsFor(item: ChecklistItemId): AttestableItem[] {
  return ATTESTABLE_ITEMS.filter((entry) => entry.item === item);
}

/** Earlier versions' ids → today's: files recorded by them stay readable. */
export const FORMER_IDS: ReadonlyMap<string, AttestableItemId> = new Map(
  ATTESTABLE_ITEMS.flatMap((entry) => entry.formerly.map((former): [string, AttestableItemId] => [former, entry.id])),
);

/** Today's id for a current or former id; null when neither. */
export function currentItemId(id: string): AttestableItemId | null {
  return isAttestableItem(id) ? id : (FORMER_IDS.get(id) ?? null);
}

/** The confirmations a rule reads (empty for a rule judged from other evidence only). */
export function attestableItemsForRule(ruleId: string): AttestableItem[] {
  return ATTESTABLE_ITEMS.filter((entry) => entry.rule === ruleId);
}
