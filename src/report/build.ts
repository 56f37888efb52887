// Turn rule runs into the finished Report: render messages, order by checklist, count, decide exit.
import { CHECKLIST_ORDER } from '../engine/checklist.js';
import { BUILTIN_MESSAGES, render } from '../engine/messages.js';
import { maskSecrets } from '../util/mask.js';
import { gateClass, gateVerdict, type ExitPolicy } from '../engine/exit-code.js';
import { STATUSES, type AnyRule, type Finding, type Outcome, type Status } from '../engine/rule.js';
import type { RuleRun } from '../engine/runner.js';
import { applySuppressions, type SuppressionInput } from '../engine/suppress.js';
import { REPORT_SCHEMA_VERSION, type Notice, type Report, type ReportFinding, type RuleResult, type SuppressedFinding } from './types.js';
import { VERSION } from '../version.js';

export interface ReportContext {
  now: number;
  target: Report['target'];
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

export function toResult({ rule, severity, outcome }: RuleRun, policy: ExitPolicy = { fatal: false }): RuleResult {
  return {
    ruleId: rule.meta.id,
    item: rule.meta.item,
    title: outcome.status === 'pass' ? rule.meta.title : rule.meta.failureTitle,
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

export function compareResults(a: RuleResult, b: RuleResult): number {
  return (CHECKLIST_ORDER.get(a.item) ?? 99) - (CHECKLIST_ORDER.get(b.item) ?? 99) || a.ruleId.localeCompare(b.ruleId);
}

export function buildReport(ruleRuns: readonly RuleRun[], ctx: ReportContext): Report {
  const policy: ExitPolicy = { fatal: ctx.fatal, failOn: 'error', maxWarnings: null, strict: false, ...ctx.policy };
  const { runs, suppressed, issues } = applySuppressions(ruleRuns, { config: [], inline: null, knownRuleIds: new Set(), ...ctx.suppressions, now: ctx.now });
  const results = runs.map((run) => toResult(run, policy)).sort(compareResults);
  const verdict = gateVerdict(results, policy, issues.length);
  const summary = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const result of results) summary[result.status] += 1;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'identity-golive', version: VERSION },
    generatedAt: new Date(ctx.now).toISOString(),
    target: ctx.target,
    results,
    notices: ctx.notices,
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
  };
}
