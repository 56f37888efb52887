// Checklist item 2: the Identity tab of the branding settings is not in the API, so a person confirms it.
// https://docs.stripe.com/identity/before-going-live#setup-branding
import { attestedRule } from './support/attested.js';

export default attestedRule({
  id: 'identity-branding-reviewed',
  item: 'branding',
  title: "Identity's branding tab reviewed",
  failureTitle: "Identity's branding tab not confirmed as reviewed",
  neutralTitle: "Identity's branding tab",
  docsUrl: 'https://docs.stripe.com/identity/before-going-live#setup-branding',
  attestations: ['identity-branding-reviewed'],
});
