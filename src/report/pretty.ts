// The terminal report: grouped by checklist item in the checklist's order, one line per rule with
// its reason, fix and docs link, then a summary. Colour comes from the chalk instance passed in.
import type { ChalkInstance } from 'chalk';
import { CHECKLIST } from '../engine/checklist.js';
import type { Status } from '../engine/rule.js';
import type { Reporter } from './index.js';
import type { ReportFinding, RuleResult } from './types.js';

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

function location(finding: ReportFinding): string {
  const where = finding.location;
  if (!where) return '';
  if ('file' in where) return ` (${where.file}:${where.line}${where.column ? `:${where.column}` : ''})`;
  if ('stripe' in where) return ` (${where.stripe})`;
  return ` (${where.url})`;
}

/** One rule's lines as the report shows them (the walkthrough shows evidence the same way). */
export function ruleLines(result: RuleResult, chalk: ChalkInstance): string[] {
  // A failing rule at warn severity shows as a warning: only error severity gates the run.
  const shown: Status = result.status === 'fail' && result.severity === 'warn' ? 'warn' : result.status;
  const label = result.status === 'error' ? `${result.title} (could not check)` : result.title;
  const lines = [`  ${paint(chalk, shown, ICON[shown])} ${label} ${chalk.dim(result.ruleId)}`];
  for (const finding of result.findings) {
    const bullet = finding.level === 'info' ? chalk.dim('·') : paint(chalk, finding.level, '›');
    lines.push(`      ${bullet} ${finding.message}${chalk.dim(location(finding))}`);
    if (finding.fix) lines.push(`        ${chalk.dim('fix:')} ${finding.fix}`);
  }
  if (result.status !== 'pass') lines.push(`        ${chalk.dim(`docs: ${result.docsUrl}`)}`);
  return lines;
}

export const pretty: Reporter = (report, { chalk }) => {
  const out: string[] = [];
  const keys = report.target.keys.map((key) => `${key.mode} ${key.masked} (${key.kind}, ${key.source})`).join(', ');
  out.push(chalk.bold(`identity-golive ${report.tool.version}`) + chalk.dim(` — ${report.target.cwd}`));
  out.push(chalk.dim(`  keys: ${keys || 'none'}${report.target.snapshot ? ` · snapshot: ${report.target.snapshot}` : ''}${report.target.offline ? ' · offline' : ''}`));
  for (const notice of report.notices) {
    out.push(`  ${notice.level === 'warn' ? chalk.yellow('!') : chalk.dim('i')} ${notice.message}`);
    if (notice.fix) out.push(`    ${chalk.dim('fix:')} ${notice.fix}`);
  }
  out.push('');
  CHECKLIST.forEach((item, index) => {
    const results = report.results.filter((result) => result.item === item.id);
    if (results.length === 0) return;
    out.push(chalk.bold(`${index + 1}. ${item.title}`));
    for (const result of results) out.push(...ruleLines(result, chalk));
    out.push('');
  });
  const { summary } = report;
  const counts = (['pass', 'fail', 'warn', 'manual', 'skipped', 'error'] as const)
    .filter((status) => summary[status] > 0)
    .map((status) => paint(chalk, status, `${summary[status]} ${status === 'error' ? 'could not check' : status === 'manual' ? 'to confirm' : status}`));
  out.push(`${counts.join(chalk.dim(' · ')) || 'no rules ran'}`);
  const verdict = report.results.length === 0 ? chalk.yellow.bold('No rules ran: nothing was checked.') : report.exitCode === 0 ? chalk.green.bold('Ready to go live.') : report.exitCode === 1 ? chalk.red.bold('Not ready to go live.') : chalk.yellow.bold('Could not decide: some evidence could not be gathered.');
  out.push(verdict);
  return `${out.join('\n')}\n`;
};
