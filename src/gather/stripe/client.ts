// One Stripe client per key per run: the official SDK, loaded lazily, pointed at --api-base when
// given, throttled per key and backing off on 429 itself (the SDK retries a 429 only when Stripe
// says `Stripe-Should-Retry: true`).
import { setTimeout as sleep } from 'node:timers/promises';
import type StripeSdk from 'stripe';
import type { GatherContext } from '../context.js';
import { VERSION } from '../../version.js';
import type { ApiKey } from './keys.js';
import { RateLimiter } from './limiter.js';
import { StripeAccessError, failureFor, isRateLimit, type SdkError } from './errors.js';
import { createGuardedHttpClient } from './http-client.js';
import type { StripeResourceId } from './resources.js';

export type StripeClient = StripeSdk;

/** Our own backoff on a bare 429: exponential with jitter, bounded. */
export const RATE_LIMIT_BACKOFF = { retries: 3, baseMs: 250, maxMs: 4000 } as const;

export interface StripeAccess {
  readonly key: ApiKey;
  readonly stripe: StripeClient;
  /** Run one API request: throttled, retried on a bare 429, any Stripe error thrown as StripeAccessError. */
  call<T>(resource: StripeResourceId, request: (stripe: StripeClient) => Promise<T>): Promise<T>;
}

const clients = new WeakMap<GatherContext, Map<ApiKey, Promise<StripeAccess>>>();

export function stripeAccess(ctx: GatherContext, key: ApiKey): Promise<StripeAccess> {
  let perKey = clients.get(ctx);
  if (!perKey) clients.set(ctx, (perKey = new Map()));
  let access = perKey.get(key);
  if (!access) perKey.set(key, (access = createAccess(ctx, key)));
  return access;
}

export function apiHost(apiBase: URL | null): string {
  return apiBase ? apiBase.host : 'api.stripe.com';
}

async function createAccess(ctx: GatherContext, key: ApiKey): Promise<StripeAccess> {
  const { default: Stripe } = await import('stripe');
  const { timeoutMs, requestsPerSecond } = ctx.config.stripe;
  const base = ctx.apiBase;
  const stripe = new Stripe(key.reveal(), {
    maxNetworkRetries: 2,
    timeout: timeoutMs,
    telemetry: false,
    httpClient: createGuardedHttpClient(Stripe),
    appInfo: { name: 'identity-golive', version: VERSION },
    ...(base && {
      host: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port || (base.protocol === 'http:' ? 80 : 443),
      protocol: base.protocol === 'http:' ? 'http' : 'https',
    }),
  });
  const limiter = new RateLimiter(requestsPerSecond);
  const host = apiHost(base);

  async function call<T>(resource: StripeResourceId, request: (client: StripeClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await limiter.acquire();
      try {
        return await request(stripe);
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeError)) throw error;
        const sdkError = error as SdkError;
        if (isRateLimit(sdkError) && attempt <= RATE_LIMIT_BACKOFF.retries && !sdkAlreadyDecided(sdkError)) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw new StripeAccessError(failureFor(sdkError, { resource, key, host, timeoutMs, requestsPerSecond, attempts: attempt }), sdkError.statusCode);
      }
    }
  }
  return { key, stripe, call };
}

/** `Stripe-Should-Retry: true` means the SDK already retried with backoff; `false` means do not. */
function sdkAlreadyDecided(error: SdkError): boolean {
  const header = error.headers?.['stripe-should-retry'];
  return header === 'true' || header === 'false';
}

/** Full-ish jitter in [d/2, d], d = base·2^(attempt-1) capped. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RATE_LIMIT_BACKOFF.maxMs, RATE_LIMIT_BACKOFF.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
