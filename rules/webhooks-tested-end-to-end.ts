// Checklist item 9: only a person can say the whole webhook path was exercised with real events.
// https://docs.stripe.com/webhooks#best-practices
import { attestedRule } from './support/attested.js';

export default attestedRule({
  id: 'webhooks-tested-end-to-end',
  item: 'webhooks',
  title: 'Webhook handling tested end to end',
  failureTitle: 'Webhook handling not confirmed as tested end to end',
  neutralTitle: 'End-to-end test of webhook handling',
  docsUrl: 'https://docs.stripe.com/webhooks#best-practices',
  attestations: ['webhooks-tested-end-to-end'],
});
