// Where each checklist item stands, from the rules that serve it and the attestations it needs.
// Pure: the walkthrough recomputes it after every answer.
import { CHECKLIST, type ChecklistItem } from '../engine/checklist.js';
import type { Artifacts } from '../engine/artifacts.js';
import type { AnyRule, Severity } from '../engine/rule.js';
import { runRules } from '../engine/runner.js';
import { toResult } from '../report/build.js';
import type { RuleResult } from '../report/types.js';
import { attestableItemsFor, type AttestableItem } from '../gather/attestations/items.js';
import { attestationState } from '../gather/attestations/status.js';

/** done: nothing left for a person; open: something to do; skipped: put off; unchecked: no rule serves it. */
export type ItemState = 'done' | 'open' | 'skipped' | 'unchecked';

export interface ItemView {
  item: ChecklistItem;
  number: number;
  results: RuleResult[];
  /** Attestations this item needs that are missing or lapsed. */
  pending: AttestableItem[];
  state: ItemState;
}

export interface Evaluation {
  rules: readonly AnyRule[];
  artifacts: Partial<Artifacts>;
  severities: ReadonlyMap<string, Exclude<Severity, 'off'>>;
  now: number;
  offline: boolean;
}

const BLOCKING: ReadonlySet<string> = new Set(['fail', 'manual', 'error']);

export function viewItem(index: number, evaluation: Evaluation, skipped: ReadonlySet<string>): ItemView {
  const item = CHECKLIST[index]!;
  const rules = evaluation.rules.filter((rule) => rule.meta.item === item.id);
  const results = runRules(rules, evaluation.artifacts, evaluation.severities, { now: evaluation.now, offline: evaluation.offline }).map((run) => toResult(run));
  const attestations = evaluation.artifacts.Attestations;
  const entries = attestations?.ok ? attestations.value.entries : [];
  const pending = attestableItemsFor(item.id).filter((definition) => attestationState(entries, definition.id, evaluation.now).state !== 'current');
  const blocking = pending.length > 0 || results.some((result) => result.severity === 'error' && BLOCKING.has(result.status));
  const state: ItemState = results.length === 0 && pending.length === 0 ? 'unchecked' : !blocking ? 'done' : skipped.has(item.id) ? 'skipped' : 'open';
  return { item, number: index + 1, results, pending, state };
}

export function viewAll(evaluation: Evaluation, skipped: ReadonlySet<string>): ItemView[] {
  return CHECKLIST.map((_, index) => viewItem(index, evaluation, skipped));
}

/** The first open item; else the first skipped one (a re-run revisits them); else null: all done. */
export function startIndex(views: readonly ItemView[]): number | null {
  const open = views.findIndex((view) => view.state === 'open');
  if (open >= 0) return open;
  const skipped = views.findIndex((view) => view.state === 'skipped');
  return skipped >= 0 ? skipped : null;
}
