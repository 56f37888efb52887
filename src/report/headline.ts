// The verdict in one sentence, decided once for every reporter: only a run of the whole checklist
// may say "Ready to go live"; a selection can fail go-live but never declare it.
import type { Report, ReportScope } from './types.js';

export const SELECTION_NOTE = 'this is not a go-live verdict (run `check` for the whole checklist)';

export function headlineOf({ exitCode, scope, total, skipped }: { exitCode: Report['exitCode']; scope: ReportScope; total: number; skipped: number }): string {
  if (total === 0) return 'No rules ran: nothing was checked.';
  if (exitCode === 1) return 'Not ready to go live.';
  if (exitCode === 2) return 'Could not decide.';
  if (scope === 'selection') {
    return skipped > 0 ? `No blocker found in the selected rules, but not all of them were checked; ${SELECTION_NOTE}.` : `The selected rules pass; ${SELECTION_NOTE}.`;
  }
  return skipped > 0 ? 'No blocker found, but not everything was checked.' : 'Ready to go live.';
}
