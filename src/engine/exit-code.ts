// ESLint's contract: 0 ready, 1 not ready, 2 could not decide.
import type { RuleResult } from '../report/types.js';

export interface ExitPolicy {
  /** A fatal problem for the whole run (401, bad api base): exit 2 whatever the rules said. */
  fatal: boolean;
}

export function exitCodeFor(results: readonly RuleResult[], policy: ExitPolicy): 0 | 1 | 2 {
  if (policy.fatal) return 2;
  // Nothing checked is nothing proven.
  if (results.length === 0) return 2;
  const gating = results.filter((result) => result.severity === 'error');
  // `manual` at error severity fails the run: an unconfirmed item is not ready.
  if (gating.some((result) => result.status === 'fail' || result.status === 'manual')) return 1;
  if (gating.some((result) => result.status === 'error')) return 2;
  return 0;
}
