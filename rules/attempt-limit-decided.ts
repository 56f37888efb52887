// Checklist item 4: how many attempts a user gets is a policy decision a person confirms.
// https://docs.stripe.com/identity/before-going-live#limit-submission-attempts
import { attestedRule } from './support/attested.js';

export default attestedRule({
  id: 'attempt-limit-decided',
  item: 'submission-attempts',
  title: 'Attempt-limit policy decided',
  failureTitle: 'Attempt-limit policy not confirmed',
  neutralTitle: 'Attempt-limit policy',
  docsUrl: 'https://docs.stripe.com/identity/before-going-live#limit-submission-attempts',
  attestations: ['attempt-limit-decided'],
});
