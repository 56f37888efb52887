// "Did you mean" for a typed rule id: the rules behind a checklist item id or a confirmation id
// (people type the names they saw elsewhere), then the closest ids by spelling.
import type { AnyRule } from '../engine/rule.js';
import { ATTESTABLE_ITEMS, currentItemId } from '../gather/attestations/items.js';
import { suggest } from '../util/suggest.js';

export function closeRuleIds(typed: string, registry: readonly AnyRule[], max = 3): string[] {
  const ids = registry.map((rule) => rule.meta.id);
  const serving = registry.filter((rule) => rule.meta.item === typed).map((rule) => rule.meta.id);
  const confirmation = currentItemId(typed);
  const asking = confirmation ? ATTESTABLE_ITEMS.filter((entry) => entry.id === confirmation).map((entry) => entry.rule) : [];
  return [...new Set([...asking, ...serving, ...suggest(typed, ids)])].filter((id) => ids.includes(id)).slice(0, max);
}
