// What gatherers produce and rules read. Facts are projections of Stripe objects holding only the
// fields rules read: no secret, no client_secret, no session url, no metadata value, no PII.
// They are what a snapshot saves, so keep them plain JSON.
import type { Gathered } from './gathered.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { SourceIndex } from '../gather/source/types.js';
import type { AttestationSet } from '../gather/attestations/types.js';
import type { PageFacts, PageId } from '../gather/pages/types.js';
import type { ProbeRecord } from '../gather/probe/types.js';

export type Mode = 'test' | 'live';
export const MODES: readonly Mode[] = ['live', 'test'];

/** One Stripe artifact per mode; a mode without a key holds a `no_key` failure. */
export type PerMode<T> = Readonly<Record<Mode, Gathered<T>>>;

export interface AccountFacts {
  id: string;
  country: string | null;
  businessName: string | null;
  dashboardDisplayName: string | null;
  branding: {
    hasIcon: boolean;
    hasLogo: boolean;
    primaryColor: string | null;
    secondaryColor: string | null;
  };
  /** The key's mode as Stripe reports it through objects' `livemode`. */
  mode: Mode;
}

export interface WebhookEndpointFacts {
  id: string;
  /** v1 webhook endpoint or v2 event destination of type webhook_endpoint. */
  kind: 'webhook_endpoint' | 'event_destination';
  url: string | null;
  status: 'enabled' | 'disabled';
  enabledEvents: string[];
  apiVersion: string | null;
  livemode: boolean;
}

export interface EventFacts {
  id: string;
  type: string;
  created: number;
  livemode: boolean;
  pendingWebhooks: number;
  /** Returned by `delivery_success=false`: pending or failed on at least one endpoint. */
  deliveryFailed: boolean;
}

export type MetadataValueKind = 'email' | 'phone' | 'date_of_birth' | 'id_number';

export interface SessionFacts {
  id: string;
  created: number;
  livemode: boolean;
  status: 'requires_input' | 'processing' | 'verified' | 'canceled';
  type: 'document' | 'id_number' | 'verification_flow' | string;
  /** Stable digest of client_reference_id, for grouping without keeping the value. */
  clientReferenceDigest: string | null;
  /** client_reference_id masked for display (`usr_…42`). */
  clientReferenceMasked: string | null;
  hasRelatedCustomer: boolean;
  fromVerificationFlow: boolean;
  /** Metadata key names only; each classified by what its value looked like, then dropped. */
  metadataKeys: { key: string; looksLike: MetadataValueKind | null }[];
  lastErrorCode: string | null;
  redactionStatus: 'processing' | 'redacted' | 'validated' | null;
}

/** A window of verification sessions: `truncated` when the object cap cut the list. */
export interface SessionWindow {
  sessions: SessionFacts[];
  windowDays: number;
  truncated: boolean;
}

export interface EventWindow {
  events: EventFacts[];
  windowDays: number;
  truncated: boolean;
}

export interface Artifacts {
  Config: ResolvedConfig;
  Account: PerMode<AccountFacts>;
  WebhookEndpoints: PerMode<WebhookEndpointFacts[]>;
  Events: PerMode<EventWindow>;
  VerificationSessions: PerMode<SessionWindow>;
  Source: Gathered<SourceIndex>;
  Attestations: Gathered<AttestationSet>;
  Pages: Readonly<Record<PageId, Gathered<PageFacts>>>;
  /** The webhook handler's answers to signed Identity events; gathered only by `probe` / `check --probe`. */
  Probe: Gathered<ProbeRecord>;
}

export type ArtifactId = keyof Artifacts;

/**
 * Remote evidence a snapshot saves. The repository's own (Config, Source, Attestations) is always
 * read fresh, so a replay in CI judges today's code; the probe is live by nature and never saved.
 */
export const SNAPSHOT_ARTIFACTS = ['Account', 'WebhookEndpoints', 'Events', 'VerificationSessions', 'Pages'] as const;
export type SnapshotArtifactId = (typeof SNAPSHOT_ARTIFACTS)[number];

export const STRIPE_ARTIFACTS = ['Account', 'WebhookEndpoints', 'Events', 'VerificationSessions'] as const;
export type StripeArtifactId = (typeof STRIPE_ARTIFACTS)[number];

export function isStripeArtifact(id: ArtifactId): id is StripeArtifactId {
  return (STRIPE_ARTIFACTS as readonly string[]).includes(id);
}
