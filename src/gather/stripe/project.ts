// Projections of Stripe objects onto facts: only the fields rules read; never a secret, a
// client_secret, a session url, a metadata value or a raw client_reference_id.
import { createHmac } from 'node:crypto';
import type Stripe from 'stripe';
import type { AccountFacts, EventFacts, Mode, SessionFacts, WebhookEndpointFacts } from '../../engine/artifacts.js';
import { maskReference, maskSecrets } from '../../util/mask.js';

const masked = (value: string | null): string | null => (value === null ? null : maskSecrets(value));
import { classifyMetadata } from './metadata.js';
import { shapeFailure } from './errors.js';

const text = (value: string | null | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function accountFacts(account: Stripe.Account, mode: Mode): AccountFacts {
  const branding = account.settings?.branding;
  return {
    id: account.id,
    country: text(account.country),
    // Snapshots keep this: a name that holds something key-shaped is masked like any printed text.
    businessName: masked(text(account.business_profile?.name)),
    dashboardDisplayName: text(account.settings?.dashboard?.display_name),
    branding: {
      hasIcon: Boolean(branding?.icon),
      hasLogo: Boolean(branding?.logo),
      primaryColor: text(branding?.primary_color),
      secondaryColor: text(branding?.secondary_color),
    },
    mode,
  };
}

/** Keep scheme, host and path: a query string or userinfo may carry a token. */
export function endpointUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${maskSecrets(url.pathname)}`;
  } catch {
    return null;
  }
}

export function webhookEndpointFacts(endpoint: Stripe.WebhookEndpoint): WebhookEndpointFacts {
  // Not what Stripe documents: a guess built on it would be a verdict on nothing.
  if (!endpoint || typeof endpoint.id !== 'string') throw shapeFailure('webhookEndpoints', 'a list item that is not a webhook endpoint');
  if (!Array.isArray(endpoint.enabled_events)) throw shapeFailure('webhookEndpoints', `endpoint ${endpoint.id} has no enabled_events list`);
  return {
    id: endpoint.id,
    kind: 'webhook_endpoint',
    url: endpointUrl(endpoint.url),
    status: endpoint.status === 'enabled' ? 'enabled' : 'disabled',
    enabledEvents: [...endpoint.enabled_events],
    apiVersion: text(endpoint.api_version),
    livemode: endpoint.livemode,
  };
}

/** v2 destinations name v1 snapshot events with or without a `v1.` prefix. */
const v1Name = (type: string): string => type.replace(/^v1\./, '');

export function eventDestinationFacts(destination: Stripe.V2.Core.EventDestination): WebhookEndpointFacts {
  if (!Array.isArray(destination.enabled_events)) throw shapeFailure('eventDestinations', `event destination ${destination.id} has no enabled_events list`);
  return {
    id: destination.id,
    kind: 'event_destination',
    url: endpointUrl(destination.webhook_endpoint?.url),
    status: destination.status === 'enabled' ? 'enabled' : 'disabled',
    enabledEvents: destination.enabled_events.map(v1Name),
    apiVersion: text(destination.snapshot_api_version),
    livemode: destination.livemode,
  };
}

export function eventFacts(event: Stripe.Event, deliveryFailed: boolean): EventFacts {
  return {
    id: event.id,
    type: event.type,
    created: event.created,
    livemode: event.livemode,
    pendingWebhooks: event.pending_webhooks,
    deliveryFailed,
  };
}

const SESSION_STATUSES = ['requires_input', 'processing', 'verified', 'canceled'] as const;
const REDACTION_STATUSES = ['processing', 'redacted', 'validated'] as const;

/** Stripe documents these values exactly; anything else is a response we cannot reason about. */
function known<T extends string>(values: readonly T[], value: string, what: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw shapeFailure('verificationSessions', `unknown ${what}`);
}

/** Digests are HMACs under a per-run salt: stable within a run, unlinkable across snapshots. */
export function referenceDigest(reference: string, salt: Buffer): string {
  return createHmac('sha256', salt).update(reference).digest('hex').slice(0, 16);
}

export function sessionFacts(session: Stripe.Identity.VerificationSession, salt: Buffer, now: number): SessionFacts {
  const reference = text(session.client_reference_id);
  const flow = (session as { verification_flow?: string | null }).verification_flow;
  return {
    id: session.id,
    created: session.created,
    livemode: session.livemode,
    status: known(SESSION_STATUSES, session.status, 'session status'),
    type: session.type,
    clientReferenceDigest: reference === null ? null : referenceDigest(reference, salt),
    clientReferenceMasked: reference === null ? null : maskReference(reference),
    hasRelatedCustomer: Boolean(session.related_customer),
    fromVerificationFlow: session.type === 'verification_flow' || Boolean(flow),
    metadataKeys: Object.entries(session.metadata ?? {}).map(([key, value]) => ({ key, looksLike: classifyMetadata(key, String(value), now) })),
    lastErrorCode: session.last_error?.code ?? null,
    redactionStatus: session.redaction ? known(REDACTION_STATUSES, session.redaction.status, 'redaction status') : null,
  };
}
