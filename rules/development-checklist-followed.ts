// Checklist item 10: the parts of Stripe's development checklist no API or scan can see.
// https://docs.stripe.com/get-started/checklist/go-live
import { attestedRule } from './support/attested.js';

export default attestedRule({
  id: 'development-checklist-followed',
  item: 'development-checklist',
  title: "Stripe's development checklist followed",
  failureTitle: "Stripe's development checklist not confirmed",
  neutralTitle: "Stripe's development checklist",
  docsUrl: 'https://docs.stripe.com/get-started/checklist/go-live',
  attestations: ['development-checklist-followed/error-handling', 'development-checklist-followed/logging', 'development-checklist-followed/api-announcements', 'development-checklist-followed/keys-rotated'],
});
