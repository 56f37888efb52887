// The terminal report: grouped by checklist item in the checklist's order, one entry per rule with
// its reason, fix and docs link, then a summary. Colour comes from the chalk instance passed in;
// lines wrap to `columns` (80 when not given) with hanging indents.
import type { ChalkInstance } from 'chalk';
import { CHECKLIST } from '../engine/checklist.js';
import type { Status } from '../engine/rule.js';
import type { Reporter } from './index.js';
import type { Report, ReportFinding, RuleResult } from './types.js';
import { oneLine } from './text.js';
import { DEFAULT_COLUMNS, GLUE, wrapLine } from './wrap.js';

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
  // A place is one word to the wrapper, even a path with spaces in it.
  return finding.message.includes(named) ? '' : ` (${oneLine(full).replaceAll(' ', GLUE)})`;
}

/** A labelled line (`fix:`, `docs:`) whose continuation lines start under the text, not the label. */
function labelled(indent: number, label: string, text: string, columns: number, chalk: ChalkInstance): string[] {
  return wrapLine(text, columns, { first: `${' '.repeat(indent)}${chalk.dim(label)} `, hanging: ' '.repeat(indent + label.length + 1) });
}

/** One rule's lines as the report shows them (the walkthrough shows evidence the same way). */
export function ruleLines(result: RuleResult, chalk: ChalkInstance, suppressedCount = 0, columns = DEFAULT_COLUMNS): string[] {
  // A failing rule that does not gate (warn severity) shows as a warning; one that gates, as a failure.
  const shown: Status = result.gate === 'warning' ? 'warn' : result.gate === 'blocking' && result.status === 'warn' ? 'fail' : result.status;
  // A pass only because findings were hidden earns no tick.
  const icon = result.status === 'pass' && suppressedCount > 0 ? chalk.dim('~') : paint(chalk, shown, ICON[shown]);
  const label = result.status === 'error' ? `${oneLine(result.title)} (could not check)` : result.status === 'skipped' ? `${oneLine(result.title)} (skipped)` : oneLine(result.title);
  const suppressed = suppressedCount > 0 ? chalk.dim(` (${suppressedCount}${GLUE}suppressed)`) : '';
  const lines = wrapLine(`${label} ${chalk.dim(result.ruleId)}${suppressed}`, columns, { first: `  ${icon} `, hanging: '    ' });
  for (const finding of result.findings) {
    const bullet = finding.level === 'info' ? chalk.dim('·') : paint(chalk, finding.level, '›');
    lines.push(...wrapLine(`${oneLine(finding.message)}${chalk.dim(location(finding))}`, columns, { first: `      ${bullet} `, hanging: '        ' }));
    if (finding.fix) lines.push(...labelled(8, 'fix:', oneLine(finding.fix), columns, chalk));
  }
  if (result.status !== 'pass') lines.push(...labelled(8, 'docs:', chalk.dim(result.docsUrl), columns, chalk));
  return lines;
}

function suppressionLines(report: Report, chalk: ChalkInstance, columns: number): string[] {
  const out: string[] = [];
  if (report.suppressed.length > 0) {
    out.push(chalk.bold(`Suppressed (${report.suppressed.length})`));
    for (const entry of report.suppressed) {
      out.push(...wrapLine(`${oneLine(entry.finding.message)}${chalk.dim(location(entry.finding))} ${chalk.dim(entry.ruleId)}`, columns, { first: `  ${chalk.dim('~')} `, hanging: '    ' }));
      out.push(...labelled(6, `${entry.source}${entry.expires ? `, expires ${entry.expires}` : ''}:`, oneLine(entry.reason), columns, chalk));
    }
    out.push('');
  }
  if (report.suppressionIssues.length > 0) {
    out.push(chalk.bold(`Suppression problems (${report.suppressionIssues.length})`));
    for (const issue of report.suppressionIssues) {
      out.push(...wrapLine(oneLine(issue.message), columns, { first: `  ${chalk.yellow('!')} `, hanging: '    ' }));
      out.push(...labelled(6, 'fix:', oneLine(issue.fix), columns, chalk));
    }
    out.push('');
  }
  return out;
}

/** `2026-11-20, 12 days ago`: the snapshot's age at the time of the run. */
function snapshotAge(report: Report): string {
  const at = report.target.snapshotGatheredAt;
  if (!at) return '';
  const days = Math.floor((Date.parse(report.generatedAt) - Date.parse(at)) / 86_400_000);
  if (!Number.isFinite(days)) return '';
  return ` (gathered ${at.slice(0, 10)}, ${days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`})`;
}

const HEADLINE_COLOR: Record<Report['exitCode'], 'green' | 'red' | 'yellow'> = { 0: 'green', 1: 'red', 2: 'yellow' };

export const pretty: Reporter = (report, { chalk, quiet, columns = DEFAULT_COLUMNS }) => {
  const out: string[] = [];
  const keys = report.target.keys.map((key) => `${key.mode} ${key.masked} (${key.kind}, ${key.source})`).join(', ');
  out.push(...wrapLine(`${chalk.bold(`identity-golive ${report.tool.version}`)} ${chalk.dim(`— ${oneLine(report.target.cwd)}`)}`, columns, { hanging: '  ' }));
  const snapshot = report.target.snapshot ? ` · snapshot: ${oneLine(report.target.snapshot)}${snapshotAge(report)}` : '';
  out.push(...wrapLine(chalk.dim(`keys: ${keys || 'none'}${snapshot}${report.target.offline ? ' · offline' : ''}`), columns, { first: '  ', hanging: '    ' }));
  // --quiet: only what blocks or could not be checked (and warnings about the run itself).
  for (const notice of report.notices.filter((n) => !quiet || n.level === 'warn')) {
    out.push(...wrapLine(oneLine(notice.message), columns, { first: `  ${notice.level === 'warn' ? chalk.yellow('!') : chalk.dim('i')} `, hanging: '    ' }));
    if (notice.fix) out.push(...labelled(4, 'fix:', oneLine(notice.fix), columns, chalk));
  }
  out.push('');
  CHECKLIST.forEach((item, index) => {
    const results = report.results.filter((result) => result.item === item.id && (!quiet || result.gate === 'blocking' || result.gate === 'undecided'));
    if (results.length === 0) return;
    out.push(...wrapLine(chalk.bold(item.title), columns, { first: chalk.bold(`${index + 1}. `) }));
    for (const result of results) out.push(...ruleLines(result, chalk, report.suppressed.filter((entry) => entry.ruleId === result.ruleId).length, columns));
    out.push('');
  });
  if (quiet) {
    if (report.suppressed.length > 0) out.push(...wrapLine(chalk.dim(`${report.suppressed.length} finding${report.suppressed.length === 1 ? '' : 's'} suppressed (run without --quiet to list them).`), columns));
    if (report.suppressionIssues.length > 0) out.push(...suppressionLines({ ...report, suppressed: [] }, chalk, columns));
  } else {
    out.push(...suppressionLines(report, chalk, columns));
  }
  const { summary } = report;
  const counts = (['pass', 'fail', 'warn', 'manual', 'skipped', 'error'] as const)
    .filter((status) => summary[status] > 0)
    .map((status) => paint(chalk, status, `${summary[status]} ${status === 'error' ? 'could not check' : status === 'manual' ? 'to confirm' : status}`));
  out.push(...wrapLine(`${counts.join(chalk.dim(' · ')) || 'no rules ran'}`, columns));
  // The headline comes with the report: scoped to what ran, the same in every format.
  const undecided = report.results.length === 0 || (report.exitCode === 0 && report.summary.skipped > 0);
  const headline = chalk[undecided ? 'yellow' : HEADLINE_COLOR[report.exitCode]].bold(oneLine(report.headline));
  out.push(...wrapLine(headline + (report.results.length > 0 ? ` ${chalk.dim(report.gate.reason)}` : ''), columns));
  return `${out.join('\n')}\n`;
};
