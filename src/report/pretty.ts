// The terminal report: grouped by checklist item in the checklist's order, one line per rule with
// its reason, fix and docs link, then a summary. Colour comes from the chalk instance passed in.
import type { ChalkInstance } from 'chalk';
import { CHECKLIST } from '../engine/checklist.js';
import type { Status } from '../engine/rule.js';
import type { Reporter } from './index.js';
import type { Report, ReportFinding, RuleResult } from './types.js';
import { oneLine } from './text.js';

const ICON: Record<Status, string> = { pass: '✓', fail: '✗', warn: '!', manual: '?', skipped: '-', error: '✗' };

function paint(chalk: ChalkInstance, status: Status | ReportFinding['level'], text: string): string {
  switch (status) {
    case 'pass':
      return chalk.green(text);
    case 'fail':
    case 'error':
      return chalk.red(text);
    case 'warn':
      return chalk.yellow(text);
    case 'manual':
      return chalk.cyan(text);
    default:
      return chalk.dim(text);
  }
}

/** The finding's place, unless its message already names it (the terminal has no room to repeat). */
function location(finding: ReportFinding): string {
  const where = finding.location;
  if (!where) return '';
  const [named, full] =
    'file' in where
      ? [`${where.file}:${where.line}`, `${where.file}:${where.line}${where.column ? `:${where.column}` : ''}`]
      : 'stripe' in where
        ? [where.stripe, where.stripe]
        : [where.url, where.url];
  return finding.message.includes(named) ? '' : ` (${oneLine(full)})`;
}

/** One rule's lines as the report shows them (the walkthrough shows evidence the same way). */
export function ruleLines(result: RuleResult, chalk: ChalkInstance, suppressedCount = 0): string[] {
  // A failing rule that does not gate (warn severity) shows as a warning; one that gates, as a failure.
  const shown: Status = result.gate === 'warning' ? 'warn' : result.gate === 'blocking' && result.status === 'warn' ? 'fail' : result.status;
  const label = result.status === 'error' ? `${oneLine(result.title)} (could not check)` : oneLine(result.title);
  const suppressed = suppressedCount > 0 ? chalk.dim(` (${suppressedCount} suppressed)`) : '';
  const lines = [`  ${paint(chalk, shown, ICON[shown])} ${label} ${chalk.dim(result.ruleId)}${suppressed}`];
  for (const finding of result.findings) {
    const bullet = finding.level === 'info' ? chalk.dim('·') : paint(chalk, finding.level, '›');
    lines.push(`      ${bullet} ${oneLine(finding.message)}${chalk.dim(location(finding))}`);
    if (finding.fix) lines.push(`        ${chalk.dim('fix:')} ${oneLine(finding.fix)}`);
  }
  if (result.status !== 'pass') lines.push(`        ${chalk.dim(`docs: ${result.docsUrl}`)}`);
  return lines;
}

function suppressionLines(report: Report, chalk: ChalkInstance): string[] {
  const out: string[] = [];
  if (report.suppressed.length > 0) {
    out.push(chalk.bold(`Suppressed (${report.suppressed.length})`));
    for (const entry of report.suppressed) {
      out.push(`  ${chalk.dim('~')} ${oneLine(entry.finding.message)}${chalk.dim(location(entry.finding))} ${chalk.dim(entry.ruleId)}`);
      out.push(`      ${chalk.dim(`${entry.source}${entry.expires ? `, expires ${entry.expires}` : ''}:`)} ${oneLine(entry.reason)}`);
    }
    out.push('');
  }
  if (report.suppressionIssues.length > 0) {
    out.push(chalk.bold(`Suppression problems (${report.suppressionIssues.length})`));
    for (const issue of report.suppressionIssues) {
      out.push(`  ${chalk.yellow('!')} ${oneLine(issue.message)}`);
      out.push(`      ${chalk.dim('fix:')} ${oneLine(issue.fix)}`);
    }
    out.push('');
  }
  return out;
}

export const pretty: Reporter = (report, { chalk, quiet }) => {
  const out: string[] = [];
  const keys = report.target.keys.map((key) => `${key.mode} ${key.masked} (${key.kind}, ${key.source})`).join(', ');
  out.push(chalk.bold(`identity-golive ${report.tool.version}`) + chalk.dim(` — ${report.target.cwd}`));
  out.push(chalk.dim(`  keys: ${keys || 'none'}${report.target.snapshot ? ` · snapshot: ${report.target.snapshot}` : ''}${report.target.offline ? ' · offline' : ''}`));
  // --quiet: only what blocks or could not be checked (and warnings about the run itself).
  for (const notice of report.notices.filter((n) => !quiet || n.level === 'warn')) {
    out.push(`  ${notice.level === 'warn' ? chalk.yellow('!') : chalk.dim('i')} ${oneLine(notice.message)}`);
    if (notice.fix) out.push(`    ${chalk.dim('fix:')} ${oneLine(notice.fix)}`);
  }
  out.push('');
  CHECKLIST.forEach((item, index) => {
    const results = report.results.filter((result) => result.item === item.id && (!quiet || result.gate === 'blocking' || result.gate === 'undecided'));
    if (results.length === 0) return;
    out.push(chalk.bold(`${index + 1}. ${item.title}`));
    for (const result of results) out.push(...ruleLines(result, chalk, report.suppressed.filter((entry) => entry.ruleId === result.ruleId).length));
    out.push('');
  });
  if (quiet) {
    if (report.suppressed.length > 0) out.push(chalk.dim(`${report.suppressed.length} finding${report.suppressed.length === 1 ? '' : 's'} suppressed (run without --quiet to list them).`));
    if (report.suppressionIssues.length > 0) out.push(...suppressionLines({ ...report, suppressed: [] }, chalk));
  } else {
    out.push(...suppressionLines(report, chalk));
  }
  const { summary } = report;
  const counts = (['pass', 'fail', 'warn', 'manual', 'skipped', 'error'] as const)
    .filter((status) => summary[status] > 0)
    .map((status) => paint(chalk, status, `${summary[status]} ${status === 'error' ? 'could not check' : status === 'manual' ? 'to confirm' : status}`));
  out.push(`${counts.join(chalk.dim(' · ')) || 'no rules ran'}`);
  const verdict = report.results.length === 0 ? chalk.yellow.bold('No rules ran: nothing was checked.') : report.exitCode === 0 && report.summary.skipped > 0 ? chalk.yellow.bold('No blocker found, but not everything was checked.') : report.exitCode === 0 ? chalk.green.bold('Ready to go live.') : report.exitCode === 1 ? chalk.red.bold('Not ready to go live.') : chalk.yellow.bold('Could not decide.');
  out.push(verdict + (report.results.length > 0 ? chalk.dim(` ${report.gate.reason}`) : ''));
  return `${out.join('\n')}\n`;
};
