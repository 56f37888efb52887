// Checklist item 8: a fallback for users who cannot use Identity lives in the support process, not in code.
// https://docs.stripe.com/identity/handle-verification-outcomes
import { attestedRule } from './support/attested.js';

export default attestedRule({
  id: 'alternative-verification-offered',
  item: 'alternative-verification',
  title: 'Alternative verification method in the support process',
  failureTitle: 'Alternative verification method not confirmed',
  neutralTitle: 'Support process: alternative verification method',
  docsUrl: 'https://docs.stripe.com/identity/handle-verification-outcomes',
  attestations: ['alternative-verification-offered'],
});
