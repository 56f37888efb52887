// A gathered artifact is either its value or the reason it could not be had; failures are data.

export type FailureKind =
  | 'no_key' // no API key for the Stripe mode a rule needs
  | 'offline' // --offline: nothing leaves the machine
  | 'not_configured' // the config does not name what the rule needs (a URL, a path)
  | 'auth' // 401: the key is wrong or revoked
  | 'permission' // 403: a restricted key lacks a permission
  | 'rate_limit' // 429 after our own backoff
  | 'network' // connection refused, reset, DNS, TLS
  | 'timeout'
  | 'bad_response' // malformed JSON, unexpected shape, 5xx after retries
  | 'io' // unreadable file or directory
  | 'unparsed' // candidate files the syntax-tree scan could not parse (no grammar, parse guard)
  | 'truncated' // a cap that bounds memory cut the evidence: a verdict on part of it would be a guess
  | 'invalid' // a file exists but does not parse
  | 'stale_snapshot'; // a replayed snapshot was gathered for another config (a page URL, the webhook URL)

export interface GatherFailure {
  readonly kind: FailureKind;
  /** What went wrong, already free of secrets. */
  readonly message: string;
  /** What the user should do next. */
  readonly fix: string;
}

export type Gathered<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: GatherFailure };

export function gathered<T>(value: T): Gathered<T> {
  return { ok: true, value };
}

export function failed<T = never>(kind: FailureKind, message: string, fix: string): Gathered<T> {
  return { ok: false, failure: { kind, message, fix } };
}

/** Kinds that mean "not applicable here" (skipped) rather than "broken" (error). */
const SKIP_KINDS: ReadonlySet<FailureKind> = new Set(['no_key', 'offline', 'not_configured']);

export function isSkipFailure(failure: GatherFailure): boolean {
  return SKIP_KINDS.has(failure.kind);
}

/** Thrown by `use()` inside a rule; the runner turns it into `skipped` or `error`. */
export class ArtifactUnavailable extends Error {
  constructor(readonly failure: GatherFailure) {
    super(failure.message);
    this.name = 'ArtifactUnavailable';
  }
}

/** Unwrap an artifact inside a rule: without evidence the rule cannot pass, so it stops here. */
export function use<T>(artifact: Gathered<T>): T {
  if (artifact.ok) return artifact.value;
  throw new ArtifactUnavailable(artifact.failure);
}
