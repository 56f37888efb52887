// Turn rule runs into the finished Report: render messages, order by checklist, count, decide exit.
import { CHECKLIST_ORDER } from '../engine/checklist.js';
import { BUILTIN_MESSAGES, render } from '../engine/messages.js';
import { maskSecrets } from '../util/mask.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { STATUSES, type Status } from '../engine/rule.js';
import type { RuleRun } from '../engine/runner.js';
import { REPORT_SCHEMA_VERSION, type Notice, type Report, type RuleResult } from './types.js';
import { VERSION } from '../version.js';

export interface ReportContext {
  now: number;
  target: Report['target'];
  notices: Notice[];
  /** A problem that makes the whole run undecidable (exit 2). */
  fatal: boolean;
}

export function toResult({ rule, severity, outcome }: RuleRun): RuleResult {
  return {
    ruleId: rule.meta.id,
    item: rule.meta.item,
    title: outcome.status === 'pass' ? rule.meta.title : rule.meta.failureTitle,
    severity,
    status: outcome.status,
    docsUrl: rule.meta.docsUrl,
    findings: outcome.findings.map((finding) => {
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
    }),
  };
}

/** Finding data reaches JSON, SARIF and the rest verbatim, so it is masked like messages are. */
function maskData(data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, typeof value === 'string' ? maskSecrets(value) : value]));
}

export function compareResults(a: RuleResult, b: RuleResult): number {
  return (CHECKLIST_ORDER.get(a.item) ?? 99) - (CHECKLIST_ORDER.get(b.item) ?? 99) || a.ruleId.localeCompare(b.ruleId);
}

export function buildReport(runs: readonly RuleRun[], ctx: ReportContext): Report {
  const results = runs.map(toResult).sort(compareResults);
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
    exitCode: exitCodeFor(results, { fatal: ctx.fatal }),
  };
}
