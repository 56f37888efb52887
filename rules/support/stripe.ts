// Reading PerMode Stripe artifacts from a rule that combines code and API evidence: the rule does
// not `use()` them (that would skip the whole rule when there is no key); it takes what is there
// and says in a finding why the rest was not used.
import type { Mode, PerMode } from '../../src/engine/artifacts.js';
import { MODES } from '../../src/engine/artifacts.js';
import { isSkipFailure, use, type Gathered } from '../../src/engine/gathered.js';
import type { Finding } from '../../src/engine/rule.js';

export interface ModeValue<T> {
  readonly mode: Mode;
  readonly value: T;
}

export interface ApiEvidence<T> {
  readonly available: readonly ModeValue<T>[];
  /** Why each missing mode is missing, e.g. `live: no live-mode key`. */
  readonly missing: readonly string[];
}

/**
 * The modes whose evidence was read, and why the others were not. Evidence the user asked for (a
 * key was given for that mode) that could not be read is not "absent": the rule stops in `error`.
 */
export function apiEvidence<T>(artifact: PerMode<T>, modes: readonly Mode[] = MODES): ApiEvidence<T> {
  const available: ModeValue<T>[] = [];
  const missing: string[] = [];
  for (const mode of modes) {
    const value = askedFor(artifact[mode]);
    if (value !== null) available.push({ mode, value: value.value });
    else if (!artifact[mode].ok) missing.push(`${mode}: ${artifact[mode].failure.message}`);
  }
  return { available, missing };
}

/**
 * A mode's evidence when it was read, null when it was never asked for (no key, --offline, not
 * demanded); a failure to read evidence that was asked for throws, so the rule ends in `error`.
 */
export function askedFor<T>(result: Gathered<T>): { value: T } | null {
  if (result.ok) return { value: result.value };
  if (isSkipFailure(result.failure)) return null;
  return { value: use(result) };
}

/**
 * The info finding naming the Stripe modes whose evidence was not used, and why; null when every
 * mode was available.
 */
export function apiUnavailable<M extends string>(messageId: M, evidence: ApiEvidence<unknown>): Finding<M> | null {
  if (evidence.missing.length === 0) return null;
  return {
    messageId,
    level: 'info',
    data: {
      reason: evidence.missing.join('; '),
      consequence: evidence.available.length === 0 ? ': this result rests on the code alone' : `; ${evidence.available.map(({ mode }) => mode).join(' and ')} mode was checked`,
    },
  };
}

export const API_UNAVAILABLE_MESSAGE = {
  text: 'Stripe API evidence not used ({{reason}}){{consequence}}.',
  fix: 'Set STRIPE_API_KEY (or STRIPE_LIVE_API_KEY and STRIPE_TEST_API_KEY) to restricted, read-only keys to check the API side too.',
} as const;
