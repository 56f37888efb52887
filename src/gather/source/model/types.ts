// The IntegrationModel: what the syntax trees say the integration does. Serialisable, part of the
// Source artifact, and free of values: it holds locations, callee names and classifications only
// (never a string literal's contents beyond event names, so never a secret).
import type { Language } from '../types.js';

export interface CodeLocation {
  readonly file: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based
}

/** A short excerpt of code (one line, masked, at most ~120 characters) for a message. */
export interface Cited extends CodeLocation {
  readonly code: string;
}

/** How a verifier's failure is answered. */
export type FailureHandling =
  /** The call is not caught here: the exception (or error) propagates and the request fails. */
  | { readonly kind: 'propagates' }
  /** Caught, and the branch returns, throws or halts. */
  | { readonly kind: 'exits'; readonly at: Cited }
  /** Caught (or the error ignored) and processing goes on after it. */
  | { readonly kind: 'continues'; readonly at: Cited; readonly answers2xx: boolean };

export type Tolerance =
  | { readonly kind: 'default' }
  | { readonly kind: 'seconds'; readonly seconds: number; readonly at: Cited }
  /** Tolerance 0, or a verifier that ignores the timestamp. */
  | { readonly kind: 'ignored'; readonly at: Cited };

export interface SdkVerification {
  readonly kind: 'sdk';
  readonly at: Cited;
  readonly callee: string;
  /** The verifier's body argument: raw bytes, a re-serialised/parsed body, or not known. */
  readonly body: 'raw' | 'parsed' | 'unknown';
  readonly bodyAt: Cited | null;
  /** The secret falls back to an empty string (`secret || ''`, `?? ''`, `getenv('X', '')`). */
  readonly emptySecret: Cited | null;
  readonly tolerance: Tolerance;
  readonly failure: FailureHandling;
  /** The verification runs only under this condition (the secret set, a mode flag). */
  readonly onlyIf: Cited | null;
}

/** HMAC-SHA256 over the signed payload, written by hand. */
export interface ManualVerification {
  readonly kind: 'manual';
  readonly at: Cited;
  readonly constantTime: Cited | null;
  readonly timestampChecked: Cited | null;
  /** An `==`-style comparison of the signature, when no constant-time compare was found. */
  readonly plainCompare: Cited | null;
}

/** The handler calls a function (in this file or another) that verifies: judged where it is defined. */
export interface DelegatedVerification {
  readonly kind: 'delegated';
  readonly at: Cited;
  readonly callee: string;
}

export type Verification = SdkVerification | ManualVerification | DelegatedVerification;

/** A call made by a handler, by callee name: how verification in a helper is followed. */
export interface NamedCall {
  readonly name: string;
  readonly at: Cited;
}

export type StripeEvidence = 'verifier' | 'signature-header' | 'event-types';

export interface WebhookHandler {
  readonly file: string;
  readonly language: Language;
  readonly inTest: boolean;
  /** Where the handler's function (or the file, for top-level scripts) starts. */
  readonly at: CodeLocation;
  readonly name: string | null;
  /** Why this handler is taken to be Stripe's (another provider's webhook is not judged). */
  readonly stripe: readonly StripeEvidence[];
  readonly verifications: readonly Verification[];
  /** The event built from the request body on a path that skips verification. */
  readonly unverifiedEvents: readonly Cited[];
  /** Events constructed with an SDK call that does not verify. */
  readonly withoutVerification: readonly Cited[];
  /** A JSON body parser registered (in the same file) before this handler's route. */
  readonly jsonParserFirst: Cited | null;
  /** The signing secret passed to a log call. */
  readonly secretLogged: readonly Cited[];
  /** Writes (save, insert, send mail, fulfil ...) before the first verification. */
  readonly sideEffectsFirst: readonly Cited[];
  /** Identity event types named in the handler. */
  readonly eventTypes: readonly string[];
  /** Calls to named functions, for following verification into helpers (not serialised for rules). */
  readonly calls: readonly NamedCall[];
}

/** A JSON body parser mounted app-wide, and the files (resolved imports) whose routers are mounted after it. */
export interface AppJsonParser {
  readonly at: Cited;
  /** Project-relative paths without extension (`routes/webhooks`), as imported by the app file. */
  readonly mountedAfter: readonly string[];
}

export type SessionOperation = 'create' | 'retrieve' | 'cancel' | 'redact' | 'list';

/** A VerificationSession call over the REST API (fetch, requests, wp_remote_post, HttpClient ...). */
export interface RestCall {
  readonly operation: SessionOperation;
  readonly at: Cited;
  readonly file: string;
  readonly language: Language;
  readonly inTest: boolean;
}

/** A whole VerificationSession object (url, client_secret and all) handed to a log, a store or a cache. */
export interface SessionSink {
  readonly kind: 'log' | 'store' | 'cache';
  readonly at: Cited;
  readonly file: string;
  readonly inTest: boolean;
}

/** A function that holds VerificationSession calls, by its lines. */
export interface SessionScope {
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
}

export interface VerifiedCopy {
  readonly at: Cited;
  readonly file: string;
  readonly inTest: boolean;
}

export interface UnparsedFile {
  readonly file: string;
  /** The parse ran past the hang guard, or the language has no grammar here (Kotlin, Groovy, Scala). */
  readonly reason: 'parse-timeout' | 'no-grammar';
}

export interface IntegrationModel {
  readonly webhooks: readonly WebhookHandler[];
  readonly rest: readonly RestCall[];
  readonly sessionSinks: readonly SessionSink[];
  /** Functions holding VerificationSession calls: "looked up first" means in the create's own function. */
  readonly sessionScopes: readonly SessionScope[];
  /** Verified outputs copied onto an object's field through a variable (`outputs = vs.verified_outputs; profile.dob = outputs.dob`). */
  readonly verifiedCopies: readonly VerifiedCopy[];
  /** A `case 'consent_declined':` (or another fallback code) whose branch does nothing (`break;`, `pass`). */
  readonly emptyFallbacks: readonly Cited[];
  /** Node: `app.use(express.json())` mounted before routers (another file's handler then gets parsed bodies). */
  readonly appJsonParsers: readonly AppJsonParser[];
  /** Candidate files parsed, by language. */
  readonly parsed: Partial<Record<Language, number>>;
  /** Candidate files that could not be judged (evidence missing, so no rule may pass on them). */
  readonly unparsed: readonly UnparsedFile[];
  /** The slowest parse, for the bench (file name only). */
  readonly slowest: { readonly file: string; readonly ms: number } | null;
}
