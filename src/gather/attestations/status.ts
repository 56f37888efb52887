// Pure reading of attestations for rules, `attest --list` and the walkthrough: is an item's
// attestation current at `now`? A malformed date counts as expired: never a pass on a typo.
import type { Attestation } from './types.js';

export type AttestationState =
  | { readonly state: 'current'; readonly entry: Attestation; readonly expiresAt: number }
  | { readonly state: 'expired'; readonly entry: Attestation; readonly reason: 'expired' | 'malformed_date' }
  | { readonly state: 'missing' };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date that exists (2027-02-30 does not), as [y, m, d]. */
function calendarDate(text: string): [number, number, number] | null {
  const match = DATE_ONLY.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? [y, m, d] : null;
}

/**
 * When an `expires` value ends, in ms: a date is valid through that whole day (UTC), a date-time
 * until that instant. Null when malformed.
 */
export function expiryInstant(expires: string): number | null {
  const date = calendarDate(expires);
  if (date) return Date.UTC(date[0], date[1] - 1, date[2] + 1);
  return parseDateTime(expires);
}

/** An ISO 8601 date-time with an explicit zone, or a plain date (start of day UTC). */
export function parseDateTime(text: string): number | null {
  const date = calendarDate(text);
  if (date) return Date.UTC(date[0], date[1] - 1, date[2]);
  if (!DATE_TIME.test(text) || !calendarDate(text.slice(0, 10))) return null;
  const value = Date.parse(text);
  return Number.isNaN(value) ? null : value;
}

export function attestationState(entries: readonly Attestation[], item: string, now: number): AttestationState {
  const entry = entries.find((candidate) => candidate.item === item);
  if (!entry) return { state: 'missing' };
  const expiresAt = expiryInstant(entry.expires);
  if (expiresAt === null || parseDateTime(entry.at) === null) return { state: 'expired', entry, reason: 'malformed_date' };
  if (now >= expiresAt) return { state: 'expired', entry, reason: 'expired' };
  return { state: 'current', entry, expiresAt };
}

/** `YYYY-MM-DD` of an instant, for display and for default expiry dates. */
export function isoDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The default expiry: `days` after `now`, as a date. */
export function defaultExpiry(now: number, days: number): string {
  return isoDay(now + days * 86_400_000);
}

const DAY = 86_400_000;

/** A current attestation whose last valid day is within the warning window. */
export interface ExpiringSoon {
  readonly entry: Attestation;
  /** Its last valid day, `YYYY-MM-DD` (UTC). */
  readonly lastDay: string;
  /** Calendar days (UTC) from today to its last valid day: 0 when today is the last. */
  readonly daysLeft: number;
}

/** Calendar days (UTC) from `now` to the last valid day before `expiresAt`. */
export function daysLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.floor((expiresAt - 1) / DAY) - Math.floor(now / DAY));
}

/** The state's expiry warning, when it is current and lapses within `days` days (0: never). */
export function expiringSoon(state: AttestationState, now: number, days: number): ExpiringSoon | null {
  if (state.state !== 'current' || state.expiresAt - now > days * DAY) return null;
  return { entry: state.entry, lastDay: isoDay(state.expiresAt - 1), daysLeft: daysLeft(state.expiresAt, now) };
}

/** "last day today", "1 day left", "5 days left". */
export function daysLeftText(days: number): string {
  return days === 0 ? 'last day today' : days === 1 ? '1 day left' : `${days} days left`;
}
