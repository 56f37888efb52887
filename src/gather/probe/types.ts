// The Probe artifact: what the webhook handler answered to a fixed plan of signed requests.
// Plain JSON, secrets masked: it is what a snapshot would save and what rules judge.
import type { ProbeStepId } from '../../probe/plan.js';
import type { WebhookSecret } from './secret.js';

/** How one request ended: an HTTP answer, no answer within the budget, or a connection failure. */
export type ProbeResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Time to the response headers. */
      readonly latencyMs: number;
      /** The first characters of the body, whitespace collapsed, secrets masked. */
      readonly excerpt: string;
      /** The Location header of a 3xx (query masked), else null. */
      readonly location: string | null;
    }
  | { readonly kind: 'timeout'; readonly latencyMs: number }
  | { readonly kind: 'network'; readonly code: string; readonly latencyMs: number };

export interface ProbeExchange {
  readonly step: ProbeStepId;
  readonly eventId: string;
  readonly eventType: string;
  readonly result: ProbeResult;
}

export interface ProbeRecord {
  /** The probed URL for display: no userinfo, query masked. */
  readonly url: string;
  /** The time budget each request had (also its timeout). */
  readonly budgetMs: number;
  /** The API version the events were rendered in (the SDK's pinned version). */
  readonly apiVersion: string;
  readonly exchanges: readonly ProbeExchange[];
}

export interface VettedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Where the probe connects: the URL as given, and the addresses it resolved to and were vetted. */
export interface ProbeTarget {
  readonly url: URL;
  /** For display: no userinfo, query masked. */
  readonly display: string;
  /** The vetted addresses, tried in order, that the socket may connect to (no second DNS lookup, so no rebinding). */
  readonly addresses: readonly [VettedAddress, ...VettedAddress[]];
  /** The widest scope among them: public only with --allow-remote. */
  readonly scope: 'loopback' | 'private' | 'public';
}

/** What the CLI asks the Probe gatherer to do; absent when probing was not requested. */
export interface ProbeRequest {
  readonly target: ProbeTarget;
  readonly secret: WebhookSecret;
  /** The time budget per request, also its timeout. */
  readonly timeoutMs: number;
}
