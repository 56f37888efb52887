// The Stripe resources identity-golive reads, with the restricted-key permission each needs.
export const STRIPE_RESOURCES = {
  account: { label: 'the account (GET /v1/account)', permission: 'Account: Read (`connected_account_read`)' },
  webhookEndpoints: { label: 'webhook endpoints (GET /v1/webhook_endpoints)', permission: 'Webhook Endpoints: Read' },
  eventDestinations: { label: 'event destinations (GET /v2/core/event_destinations)', permission: 'Event Destinations: Read' },
  events: { label: 'events (GET /v1/events)', permission: 'Events: Read' },
  verificationSessions: {
    label: 'verification sessions (GET /v1/identity/verification_sessions)',
    permission: 'Identity "Verification Sessions and Reports": Read',
  },
} as const;

export type StripeResourceId = keyof typeof STRIPE_RESOURCES;
