// Picking the Stripe mode a rule judges. Account-wide settings and go-live readiness are best read
// in live mode; with only a test key, rules that allow it fall back to test mode and say so.
import type { Mode, PerMode } from './artifacts.js';
import { use } from './gathered.js';

export interface Chosen<T> {
  readonly mode: Mode;
  readonly value: T;
  /** True when live mode had no key and test mode was used instead. */
  readonly fellBack: boolean;
}

/** Live when it has a key; test when live has none; any other live failure stops the rule. */
export function preferLive<T>(artifact: PerMode<T>): Chosen<T> {
  const live = artifact.live;
  if (live.ok) return { mode: 'live', value: live.value, fellBack: false };
  if (live.failure.kind !== 'no_key') return { mode: 'live', value: use(live), fellBack: false };
  return { mode: 'test', value: use(artifact.test), fellBack: true };
}
