// Builders for artifacts as rules see them, for table tests. Stripe-shaped fixtures for the API
// double live in fixtures/stripe/; these are the projected facts.
import type { AccountFacts, Mode, PerMode, SessionFacts, WebhookEndpointFacts, EventFacts } from '../../src/engine/artifacts.js';
import { failed, gathered, type FailureKind, type Gathered } from '../../src/engine/gathered.js';
import { validateConfig } from '../../src/config/load.js';
import type { UserConfig } from '../../src/config/schema.js';

export const config = (raw: UserConfig = {}) => validateConfig(raw, '/project/identity-golive.config.json');

export function account({ branding, ...overrides }: Omit<Partial<AccountFacts>, 'branding'> & { branding?: Partial<AccountFacts['branding']> } = {}): AccountFacts {
  return {
    id: 'acct_fixture123',
    country: 'US',
    businessName: 'Fixture Labs',
    dashboardDisplayName: 'Fixture',
    mode: 'live',
    ...overrides,
    branding: { hasIcon: true, hasLogo: true, primaryColor: '#635bff', secondaryColor: '#0a2540', ...branding },
  };
}

export function endpoint(overrides: Partial<WebhookEndpointFacts> = {}): WebhookEndpointFacts {
  return {
    id: 'we_fixture1',
    kind: 'webhook_endpoint',
    url: 'https://example.com/webhooks/stripe',
    status: 'enabled',
    enabledEvents: ['identity.verification_session.verified', 'identity.verification_session.requires_input', 'identity.verification_session.redacted'],
    apiVersion: '2026-10-28.endive',
    livemode: true,
    ...overrides,
  };
}

export function event(overrides: Partial<EventFacts> = {}): EventFacts {
  return { id: 'evt_fixture1', type: 'identity.verification_session.verified', created: 1_790_000_000, livemode: false, pendingWebhooks: 0, deliveryFailed: false, ...overrides };
}

export function session(overrides: Partial<SessionFacts> = {}): SessionFacts {
  return {
    id: 'vs_fixture1',
    created: 1_790_000_000,
    livemode: false,
    status: 'verified',
    type: 'document',
    clientReferenceDigest: 'd1',
    clientReferenceMasked: 'usr_…01',
    hasRelatedCustomer: false,
    fromVerificationFlow: false,
    metadataKeys: [],
    lastErrorCode: null,
    redactionStatus: null,
    ...overrides,
  };
}

/** A per-mode artifact: `{ live: value }` etc.; modes not given have no key. */
export function modes<T>(values: Partial<Record<Mode, T | Gathered<T>>>): PerMode<T> {
  const wrap = (mode: Mode): Gathered<T> => {
    const value = values[mode];
    if (value === undefined) return failed('no_key', `no ${mode}-mode key`, `Set STRIPE_${mode.toUpperCase()}_API_KEY.`);
    if (typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean') return value as Gathered<T>;
    return gathered(value as T);
  };
  return { live: wrap('live'), test: wrap('test') };
}

export const failure = <T>(kind: FailureKind, message = `${kind} failure`): Gathered<T> => failed(kind, message, 'fix it');
