// Turn rule runs into the finished Report: render messages, order by checklist, count, decide exit.
import { CHECKLIST_ORDER } from '../engine/checklist.js';
import { BUILTIN_MESSAGES, render } from '../engine/messages.js';
import { maskSecrets } from '../util/mask.js';
import { gateClass, gateVerdict, type ExitPolicy } from '../engine/exit-code.js';
import { STATUSES, type AnyRule, type Finding, type Outcome, type Status } from '../engine/rule.js';
import type { RuleRun } from '../engine/runner.js';
import { applySuppressions, type ExpiringSuppression, type SuppressionInput } from '../engine/suppress.js';
import { REPORT_SCHEMA_VERSION, type Notice, type Report, type ReportFinding, type ReportScope, type RuleResult, type SuppressedFinding } from './types.js';
import { headlineOf } from './headline.js';
import { liftApiUnavailable } from './api-evidence.js';
import { VERSION } from '../version.js';

export interface ReportContext {
  now: number;
  target: Omit<Report['target'], 'snapshotGatheredAt'> & { snapshotGatheredAt?: string | null };
  /** The whole checklist, or a selection that must not be called ready (required: no default verdict). */
  scope: ReportScope;
  notices: Notice[];
  /** A problem that makes the whole run undecidable (exit 2). */
  fatal: boolean;
  /** The threshold (--fail-on, --max-warnings, --strict); defaults: error, no limit, not strict. */
  policy?: Omit<ExitPolicy, 'fatal'>;
  /** Config entries and inline directives to apply after the rules ran; none when omitted. */
  suppressions?: Omit<SuppressionInput, 'now'>;
  /** False under --no-inline-suppressions (recorded in the report). */
  inlineSuppressions?: boolean;
}

export function renderFinding(rule: AnyRule, outcome: Outcome, finding: Finding): ReportFinding {
  const data = finding.data ?? {};
  const spec = rule.meta.messages[finding.messageId] ?? BUILTIN_MESSAGES[finding.messageId];
  const { message, fix } = render(spec, data);
  return {
    messageId: finding.messageId,
    level: finding.level ?? (outcome.status === 'pass' ? 'info' : outcome.status),
    message,
    fix,
    location: finding.location ?? null,
    data: maskData(data),
  };
}

/** A verdict's title only where the evidence gave one; otherwise the neutral subject. */
function titleOf(rule: AnyRule, status: Status, suppressedCount: number): string {
  if (status === 'skipped' || status === 'error') return rule.meta.neutralTitle;
  // A pass that holds only because findings were hidden is not a success.
  if (status === 'pass') return suppressedCount > 0 ? rule.meta.neutralTitle : rule.meta.title;
  return rule.meta.failureTitle;
}

export function toResult({ rule, severity, outcome }: RuleRun, policy: ExitPolicy = { fatal: false }, suppressedCount = 0): RuleResult {
  return {
    ruleId: rule.meta.id,
    item: rule.meta.item,
    title: titleOf(rule, outcome.status, suppressedCount),
    neutralTitle: rule.meta.neutralTitle,
    severity,
    status: outcome.status,
    docsUrl: rule.meta.docsUrl,
    findings: outcome.findings.map((finding) => renderFinding(rule, outcome, finding)),
    gate: gateClass({ status: outcome.status, severity }, policy),
  };
}

/** Finding data reaches JSON, SARIF and the rest verbatim, so it is masked like messages are. */
function maskData(data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, typeof value === 'string' ? maskSecrets(value) : value]));
}

/** A suppression about to lapse: a warning with the date, while it still hides what it hides. */
function expiringNotice({ entry, daysLeft }: ExpiringSuppression): Notice {
  const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  return {
    level: 'warn',
    message: `Suppression of ${entry.rule}${entry.target ? ` for ${entry.target}` : ''} expires on ${entry.expires} (${when}); what it hides will be shown again then.`,
    fix: 'Fix the finding before then, or renew the suppression with a new reason and `expires` date after review.',
    ruleIds: [entry.rule],
  };
}

export function compareResults(a: RuleResult, b: RuleResult): number {
  return (CHECKLIST_ORDER.get(a.item) ?? 99) - (CHECKLIST_ORDER.get(b.item) ?? 99) || a.ruleId.localeCompare(b.ruleId);
}

export function buildReport(ruleRuns: readonly RuleRun[], ctx: ReportContext): Report {
  const policy: ExitPolicy = { fatal: ctx.fatal, failOn: 'error', maxWarnings: null, strict: false, ...ctx.policy };
  const { runs, suppressed, issues, expiringSoon } = applySuppressions(ruleRuns, { config: [], inline: null, knownRuleIds: new Set(), ...ctx.suppressions, now: ctx.now });
  const hiddenPerRule = new Map<string, number>();
  for (const match of suppressed) hiddenPerRule.set(match.run.rule.meta.id, (hiddenPerRule.get(match.run.rule.meta.id) ?? 0) + 1);
  const judged = runs.map((run) => toResult(run, policy, hiddenPerRule.get(run.rule.meta.id) ?? 0)).sort(compareResults);
  // The same "no API evidence" remark from several rules is said once, in the header.
  const { results, notice: apiNotice } = liftApiUnavailable(judged, { offline: ctx.target.offline });
  const verdict = gateVerdict(results, policy, issues.length);
  const summary = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const result of results) summary[result.status] += 1;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'identity-golive', version: VERSION },
    generatedAt: new Date(ctx.now).toISOString(),
    target: { ...ctx.target, snapshotGatheredAt: ctx.target.snapshotGatheredAt ?? null },
    scope: ctx.scope,
    results,
    notices: [...ctx.notices, ...expiringSoon.map(expiringNotice), ...(apiNotice ? [apiNotice] : [])],
    summary: { ...summary, total: results.length },
    suppressed: suppressed
      .map(({ run, finding, level, ...why }): SuppressedFinding => ({
        ruleId: run.rule.meta.id,
        item: run.rule.meta.item,
        finding: { ...renderFinding(run.rule, run.outcome, finding), level },
        ...why,
      }))
      .sort((a, b) => (CHECKLIST_ORDER.get(a.item) ?? 99) - (CHECKLIST_ORDER.get(b.item) ?? 99) || a.ruleId.localeCompare(b.ruleId)),
    suppressionIssues: issues,
    gate: {
      failOn: policy.failOn ?? 'error',
      maxWarnings: policy.maxWarnings ?? null,
      strict: Boolean(policy.strict),
      inlineSuppressions: ctx.inlineSuppressions ?? true,
      fatal: ctx.fatal,
      blocking: verdict.blocking,
      undecided: verdict.undecided,
      warnings: verdict.warnings,
      reason: verdict.reason,
    },
    exitCode: verdict.exitCode,
    headline: headlineOf({ exitCode: verdict.exitCode, scope: ctx.scope, total: results.length, skipped: summary.skipped }),
  };
}
