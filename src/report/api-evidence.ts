// Rules that combine code and API evidence each say when the API side was not used (messageId
// `apiUnavailable`, rules/support/stripe.ts). Five identical remarks per run bury the findings,
// so the report says it once, as a notice naming the rules, and drops it from their results.
import type { Notice, RuleResult } from './types.js';

/** The message id rules/support/stripe.ts gives that remark (a registry test holds them to it). */
export const API_UNAVAILABLE_ID = 'apiUnavailable';

const CODE_ALONE = ': this result rests on the code alone';

/**
 * `live: No live-mode Stripe key: live-mode Events was not read.; test: …` names the artifact per
 * rule; the header needs only why: `No live-mode Stripe key; No test-mode Stripe key`.
 */
export function shortReason(reason: string): string {
  const heads = reason.split(/;\s+(?=(?:live|test): )/).map((part) => {
    const message = part.replace(/^(?:live|test): /, '');
    const head = message.match(/^(.+?): /)?.[1] ?? message;
    return head.replace(/\.$/, '');
  });
  return [...new Set(heads)].join('; ');
}

export function liftApiUnavailable(results: readonly RuleResult[], { offline }: { offline: boolean }): { results: RuleResult[]; notice: Notice | null } {
  // reason → consequence → rule ids, in checklist order.
  const groups = new Map<string, Map<string, string[]>>();
  let fix: string | null = null;
  const lifted = results.map((result) => {
    const remarks = result.findings.filter((finding) => finding.messageId === API_UNAVAILABLE_ID && finding.level === 'info');
    const rest = result.findings.filter((finding) => !remarks.includes(finding));
    // A result that is not a pass keeps at least one finding saying why.
    if (remarks.length === 0 || (rest.length === 0 && result.status !== 'pass')) return result;
    for (const remark of remarks) {
      const reason = shortReason(String(remark.data.reason ?? ''));
      const consequence = String(remark.data.consequence ?? '');
      const byConsequence = groups.get(reason) ?? new Map<string, string[]>();
      byConsequence.set(consequence, [...(byConsequence.get(consequence) ?? []), result.ruleId]);
      groups.set(reason, byConsequence);
      fix ??= remark.fix;
    }
    return { ...result, findings: rest };
  });
  if (groups.size === 0) return { results: lifted, notice: null };
  const sentences: string[] = [];
  const ruleIds: string[] = [];
  for (const [reason, byConsequence] of groups) {
    const parts = [...byConsequence].map(([consequence, ids]) => {
      ruleIds.push(...ids);
      const checked = /^;\s*(.+) mode was checked$/.exec(consequence)?.[1];
      const what = consequence === CODE_ALONE ? 'judged the code alone' : checked ? `judged the code and ${checked}-mode evidence` : 'judged without it';
      return `${ids.length === 1 ? '1 rule' : `${ids.length} rules`} ${what} (${ids.join(', ')})`;
    });
    sentences.push(`Stripe API evidence not used (${reason}): ${parts.join('; ')}.`);
  }
  // Under --offline a key would not help: nothing leaves the machine.
  const notice: Notice = { level: 'info', message: sentences.join(' '), ...(fix && !offline ? { fix } : {}), ruleIds: [...new Set(ruleIds)] };
  return { results: lifted, notice };
}
