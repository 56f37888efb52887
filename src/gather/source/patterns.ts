// What rules declare and the scanner compiles: patterns that name an SDK idiom (spelled per language
// in languages/<lang>.ts) or carry their own language-neutral regex.
import type { HitScope, Language } from './types.js';

/**
 * The idioms the language tables spell out. Capture groups, where an idiom has one, land in
 * `SourceHit.capture` (an event suffix, an API version, a field name).
 */
export const IDIOMS = [
  // VerificationSession calls
  'session.create',
  'session.retrieve',
  'session.cancel',
  'session.redact',
  'session.list',
  // Creation parameters
  'session.reference', // client_reference_id set
  'session.related-customer',
  'session.metadata-user', // a user reference in metadata
  'session.placeholder-reference', // a reference set from a literal or '{{USER_ID}}'
  'session.idempotency-key',
  'attempts.counter',
  // Session fields read by the integration
  'session.url',
  'session.client-secret',
  'expand.sensitive', // capture: the expanded path
  // Where data goes: capture: the sensitive field
  'sink.log',
  'sink.store',
  'sink.email',
  'sink.cache',
  // Webhooks
  'webhook.verify', // presence only: webhook handlers are judged on the syntax-tree model (model/)
  'event.dispatch',
  'event.name', // capture: the event suffix (verified, requires_input ...)
  'event.constant', // SDK constants: capture the suffix spelled the SDK's way
  'event.prefix', // 'identity.verification_session.' alone, for names built by concatenation
  'event.suffix', // capture: a suffix literal ('verified', '.requires_input' ...)
  'event.registration', // enabled_events lists: registering, not handling
  'last-error.read',
  'last-error.fallback-code', // capture: consent_declined, under_supported_age ...
  // Client and dependencies
  'client.construct',
  'client.api-version', // capture: the pinned version
  'client.side', // code that runs in the browser ('use client')
  'manifest.sdk', // capture: the SDK version spec in a manifest or lockfile
] as const;
export type IdiomId = (typeof IDIOMS)[number];

/** One spelling of an idiom: a regex, optionally only in files that also match `fileMustMatch`. */
export type Spelling = RegExp | { readonly regex: RegExp; readonly fileMustMatch: RegExp };

export type IdiomTable = Partial<Record<IdiomId, readonly Spelling[]>>;

export interface SourcePattern {
  /** Unique within the rule; hits carry `<rule id>/<id>`. */
  readonly id: string;
  /** An SDK idiom spelled per language in the language tables ... */
  readonly idiom?: IdiomId;
  /** ... or a regex of the rule's own, the same in every language. */
  readonly regex?: RegExp;
  /** Languages to look in (default: all seven). */
  readonly languages?: readonly Language[];
  /** Where to look (default: the idiom's natural scope, else `code`). */
  readonly scope?: HitScope;
}

/** Idioms that are not about code: manifests and raw text. */
export const IDIOM_SCOPES: Partial<Record<IdiomId, HitScope>> = {
  'manifest.sdk': 'manifest',
};

export function spellingRegex(spelling: Spelling): RegExp {
  return spelling instanceof RegExp ? spelling : spelling.regex;
}
