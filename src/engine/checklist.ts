// The fourteen items of Stripe's "Before going live" checklist for Identity, in the page's order.
// https://docs.stripe.com/identity/before-going-live

export const CHECKLIST = [
  {
    id: 'use-case',
    title: 'Make sure your use case and business are supported',
    docsUrl: 'https://docs.stripe.com/identity/use-cases',
  },
  {
    id: 'branding',
    title: 'Setup branding',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#setup-branding',
  },
  {
    id: 'pricing',
    title: 'Understand pricing & billing',
    docsUrl: 'https://support.stripe.com/questions/billing-details-for-stripe-identity',
  },
  {
    id: 'submission-attempts',
    title: 'Limit the number of submission attempts',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#limit-submission-attempts',
  },
  {
    id: 'sensitive-data',
    title: 'Limit how much sensitive information you store',
    docsUrl: 'https://docs.stripe.com/identity/access-verification-results',
  },
  {
    id: 'user-authentication',
    title: 'Always authenticate your user',
    docsUrl: 'https://docs.stripe.com/identity/verify-identity-documents',
  },
  {
    id: 'session-link-expiry',
    title: 'Handle session link expiration',
    docsUrl: 'https://docs.stripe.com/identity/verification-sessions',
  },
  {
    id: 'alternative-verification',
    title: 'Update your support process with an alternative verification method',
    docsUrl: 'https://docs.stripe.com/identity/handle-verification-outcomes',
  },
  {
    id: 'webhooks',
    title: 'Follow webhook best practices',
    docsUrl: 'https://docs.stripe.com/webhooks#best-practices',
  },
  {
    id: 'development-checklist',
    title: 'Follow the Stripe development checklist',
    docsUrl: 'https://docs.stripe.com/get-started/checklist/go-live',
  },
  {
    id: 'privacy-policy',
    title: 'Update your privacy policy if necessary',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#update-privacy-policy',
  },
  {
    id: 'privacy-policy-url',
    title: 'Provide a URL to your privacy policy',
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#privacy-policy-url',
  },
  {
    id: 'customer-faq',
    title: 'Explain ID verification and Stripe Identity to your customers',
    docsUrl: 'https://docs.stripe.com/identity/explaining-identity',
  },
  {
    id: 'data-deletion',
    title: "Explain to your users how to delete their data from Stripe's servers",
    docsUrl: 'https://docs.stripe.com/identity/before-going-live#data-deletion',
  },
] as const;

export type ChecklistItemId = (typeof CHECKLIST)[number]['id'];
export type ChecklistItem = (typeof CHECKLIST)[number];

export const CHECKLIST_ORDER: ReadonlyMap<ChecklistItemId, number> = new Map(
  CHECKLIST.map((item, index) => [item.id, index + 1]),
);

export function checklistItem(id: ChecklistItemId): ChecklistItem {
  const item = CHECKLIST.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`unknown checklist item ${id}`);
  return item;
}
