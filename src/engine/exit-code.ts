// ESLint's contract: 0 ready, 1 not ready, 2 could not decide. Everything is shown; only the
// exit code follows the threshold the user chose (--fail-on, --max-warnings, --strict).
import type { RuleResult } from '../report/types.js';

export type FailOn = 'error' | 'warn';

export interface ExitPolicy {
  /** A fatal problem for the whole run (401, bad api base): exit 2 whatever the rules said. */
  fatal: boolean;
  /** `error` (default): only rules at error severity gate. `warn`: any warning fails the run too. */
  failOn?: FailOn;
  /** More warnings than this fails the run (null: no limit). */
  maxWarnings?: number | null;
  /** `manual` and `skipped` count as failures: a launch gate that accepts nothing unproven. */
  strict?: boolean;
}

/**
 * What one result means for the gate:
 * - `blocking`: makes the run "not ready" (exit 1);
 * - `undecided`: the rule could not tell, and it gates (exit 2 unless something blocks);
 * - `warning`: shown and counted against --max-warnings;
 * - `notice`: shown, never gating (skipped, or could-not-check at a non-gating severity);
 * - `ok`: passed.
 */
export type GateClass = 'blocking' | 'undecided' | 'warning' | 'notice' | 'ok';

export const GATE_ORDER: readonly GateClass[] = ['blocking', 'undecided', 'warning', 'notice', 'ok'];

export function gateClass(result: Pick<RuleResult, 'status' | 'severity'>, policy: ExitPolicy): GateClass {
  const failOnWarn = policy.failOn === 'warn';
  // With --fail-on warn, rules set to `warn` severity gate as well.
  const gating = result.severity === 'error' || failOnWarn;
  switch (result.status) {
    case 'pass':
      return 'ok';
    // `manual` at a gating severity fails the run: an unconfirmed item is not ready.
    case 'fail':
    case 'manual':
      return gating ? 'blocking' : 'warning';
    case 'warn':
      return failOnWarn ? 'blocking' : 'warning';
    case 'skipped':
      return gating && policy.strict ? 'blocking' : 'notice';
    case 'error':
      return gating ? 'undecided' : 'notice';
  }
}

export interface GateVerdict {
  exitCode: 0 | 1 | 2;
  blocking: number;
  undecided: number;
  /** Warning results plus report-level warnings (e.g. a suppression without a reason). */
  warnings: number;
  /** One sentence saying why the exit code is what it is. */
  reason: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function gateVerdict(results: readonly Pick<RuleResult, 'status' | 'severity'>[], policy: ExitPolicy, extraWarnings = 0): GateVerdict {
  const classes = results.map((result) => gateClass(result, policy));
  const blocking = classes.filter((c) => c === 'blocking').length;
  const undecided = classes.filter((c) => c === 'undecided').length;
  // Report-level warnings are warnings too; under --fail-on warn they block like any warning.
  const extraBlocking = policy.failOn === 'warn' ? extraWarnings : 0;
  const warnings = classes.filter((c) => c === 'warning').length + (policy.failOn === 'warn' ? 0 : extraWarnings);
  const counts = { blocking: blocking + extraBlocking, undecided, warnings };
  const limit = policy.maxWarnings ?? null;
  if (policy.fatal) return { exitCode: 2, ...counts, reason: 'A problem stopped the whole run (see the notices).' };
  // Nothing checked is nothing proven.
  if (results.length === 0) return { exitCode: 2, ...counts, reason: 'No rules ran: nothing was checked.' };
  if (counts.blocking > 0) return { exitCode: 1, ...counts, reason: `${plural(counts.blocking, 'problem')} block${counts.blocking === 1 ? 's' : ''} go-live.` };
  if (limit !== null && warnings > limit) return { exitCode: 1, ...counts, reason: `${plural(warnings, 'warning')}, more than --max-warnings ${limit}.` };
  if (undecided > 0) return { exitCode: 2, ...counts, reason: `${plural(undecided, 'rule')} could not be checked.` };
  // Skipped proves nothing: a run where no rule reached a verdict cannot say "ready".
  if (results.every((result) => result.status === 'skipped')) return { exitCode: 2, ...counts, reason: 'Every rule was skipped: nothing was checked.' };
  const skipped = results.filter((result) => result.status === 'skipped').length;
  const unproven = skipped > 0 ? ` ${plural(skipped, 'rule')} skipped, not proven (--strict gates on them).` : '';
  return { exitCode: 0, ...counts, reason: (warnings > 0 ? `Nothing blocks go-live (${plural(warnings, 'warning')}).` : 'Nothing blocks go-live.') + unproven };
}

export function exitCodeFor(results: readonly Pick<RuleResult, 'status' | 'severity'>[], policy: ExitPolicy, extraWarnings = 0): 0 | 1 | 2 {
  return gateVerdict(results, policy, extraWarnings).exitCode;
}
