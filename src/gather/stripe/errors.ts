// Stripe SDK errors → GatherFailure. Messages are written here, never copied from Stripe or the
// SDK, so no key, client_secret, url or metadata value can ride along.
import type { GatherFailure } from '../../engine/gathered.js';
import type { ApiKey } from './keys.js';
import { STRIPE_RESOURCES, type StripeResourceId } from './resources.js';
import { MAX_RESPONSE_BYTES, TRANSPORT_CODES } from './http-client.js';

/** Thrown inside the access layer and turned into a failed artifact at the mode boundary. */
export class StripeAccessError extends Error {
  constructor(
    readonly failure: GatherFailure,
    /** The HTTP status Stripe answered with, when there was one. */
    readonly status?: number,
  ) {
    super(failure.message);
    this.name = 'StripeAccessError';
  }
}

/** What the SDK's StripeError carries that we read (duck-typed: the SDK is loaded lazily). */
export interface SdkError {
  type?: string;
  statusCode?: number;
  code?: string;
  requestId?: string;
  headers?: Record<string, string | string[] | undefined>;
  detail?: { code?: string } | unknown;
}

export interface FailureContext {
  resource: StripeResourceId;
  key: ApiKey;
  /** host[:port] of the API base, for network messages. */
  host: string;
  timeoutMs: number;
  requestsPerSecond: number;
  /** How many times we asked (our own backoff included). */
  attempts: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** OpenSSL and Node names for a certificate that does not verify. */
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET_ISSUER)|ERR_TLS_/;

function detailCode(error: SdkError): string | undefined {
  const detail = error.detail as { code?: unknown } | undefined;
  return typeof detail?.code === 'string' ? detail.code : undefined;
}

function ref(error: SdkError): string {
  return error.requestId ? `, request ${error.requestId}` : '';
}

export function isRateLimit(error: SdkError): boolean {
  return error.statusCode === 429 || error.type === 'StripeRateLimitError' || error.type === 'RateLimitError';
}

export function failureFor(error: SdkError, context: FailureContext): GatherFailure {
  const { key, resource } = context;
  const { label, permission } = STRIPE_RESOURCES[resource];
  const who = `the ${key.mode}-mode key ${key.masked} (${key.source})`;

  if (error.statusCode === 401 || error.type === 'StripeAuthenticationError') {
    // One message per key, whatever the resource, so a rejected key is reported once.
    return {
      kind: 'auth',
      message: `Stripe rejected ${who} (401): it is invalid, revoked or expired.`,
      fix: `Create a restricted key at https://dashboard.stripe.com/apikeys (or replace the rolled one) and put it in ${key.source}.`,
    };
  }
  if (error.statusCode === 403 || error.type === 'StripePermissionError') {
    return {
      kind: 'permission',
      message: `Stripe refused to let ${who} read ${label} (403).`,
      fix:
        key.kind === 'restricted'
          ? `Edit the key at https://dashboard.stripe.com/apikeys and grant ${permission}.`
          : `Check that this account may use ${label}; a restricted key needs ${permission}.`,
    };
  }
  if (isRateLimit(error)) {
    return {
      kind: 'rate_limit',
      message: `Stripe kept rate-limiting requests for ${label} with ${who} (429, ${context.attempts} attempt${context.attempts === 1 ? '' : 's'}${ref(error)}).`,
      fix: `Retry in a minute, or lower stripe.requestsPerSecond in the config (now ${context.requestsPerSecond}); other jobs may share this account's limit.`,
    };
  }
  if (error.type === 'StripeConnectionError') {
    const code = detailCode(error);
    if (code === 'ETIMEDOUT') {
      return {
        kind: 'timeout',
        message: `Stripe did not answer a request for ${label} within ${context.timeoutMs} ms (${context.host}, retried).`,
        fix: 'Retry, or raise stripe.timeoutMs in the config; check https://status.stripe.com.',
      };
    }
    if (code !== undefined && TLS_CODES.test(code)) {
      return {
        kind: 'network',
        message: `The TLS certificate of ${context.host} is not trusted for ${label} (${code}).`,
        fix: 'Check --api-base / STRIPE_API_BASE; for a local double with its own CA, set NODE_EXTRA_CA_CERTS to that CA file (never disable verification).',
      };
    }
    if (code === TRANSPORT_CODES.tooLarge) {
      return {
        kind: 'bad_response',
        message: `The API at ${context.host} answered a request for ${label} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; the response was cut off unread.`,
        fix: 'Check the --api-base / STRIPE_API_BASE you use: Stripe never sends list pages that large.',
      };
    }
    if (code === TRANSPORT_CODES.upgrade) {
      return {
        kind: 'bad_response',
        message: `The API at ${context.host} answered a request for ${label} with HTTP 101 Switching Protocols instead of JSON.`,
        fix: 'Check the --api-base / STRIPE_API_BASE you use: it is not a Stripe API.',
      };
    }
    if (code === TRANSPORT_CODES.closed) {
      return {
        kind: 'network',
        message: `The API at ${context.host} closed the connection for ${label} before answering (retried).`,
        fix: 'Check your network, proxy and firewall, or --api-base / STRIPE_API_BASE.',
      };
    }
    if (code === undefined || NETWORK_CODES.has(code) || /^E[A-Z]+$/.test(code)) {
      return {
        kind: 'network',
        message: `Could not talk to the Stripe API at ${context.host} for ${label} (${code ?? 'connection error'}, retried).`,
        fix: 'Check your network, proxy and firewall, or --api-base / STRIPE_API_BASE.',
      };
    }
  }
  if (error.type === 'StripeAPIError' && error.statusCode === undefined) {
    return {
      kind: 'bad_response',
      message: `Stripe answered a request for ${label} with malformed JSON${ref(error)}.`,
      fix: 'Retry; if it persists, check https://status.stripe.com or the --api-base you use.',
    };
  }
  const status = error.statusCode;
  return {
    kind: 'bad_response',
    message: `Stripe answered a request for ${label} with ${status ? `HTTP ${status}` : 'an error'}${error.code ? ` (${error.code})` : ''}${ref(error)}${status && status >= 500 ? ', after retries' : ''}.`,
    fix: status && status >= 500 ? 'Retry later; check https://status.stripe.com.' : 'Report this to identity-golive with the request id; the request may not fit this API version.',
  };
}

/** A response whose shape is not what Stripe documents. */
export function shapeFailure(resource: StripeResourceId, what: string): StripeAccessError {
  return new StripeAccessError({
    kind: 'bad_response',
    message: `Stripe answered a request for ${STRIPE_RESOURCES[resource].label} with an unexpected shape (${what}).`,
    fix: 'Retry; if it persists, check the --api-base you use or report it.',
  });
}
