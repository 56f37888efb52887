// `identity-golive rules` (the rule table) and `identity-golive explain <rule>` (its doc page).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import type { ExplainOptions, RulesOptions } from '../cli/commands/rules.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { terminalColumns } from '../cli/terminal.js';
import { renderTerminalMarkdown } from '../report/terminal-markdown.js';
import { wrapLine } from '../report/wrap.js';
import { CHECKLIST, CHECKLIST_ORDER, checklistItem } from '../engine/checklist.js';
import type { AnyRule } from '../engine/rule.js';
import { RULES, RULES_BY_ID } from '../../rules/index.js';
import { PACKAGE_ROOT } from '../version.js';
import { quoteChoices } from '../util/suggest.js';
import { closeRuleIds } from './rule-names.js';
import { UserError } from '../util/user-error.js';

interface RuleRow {
  id: string;
  item: string;
  itemNumber: number;
  itemTitle: string;
  title: string;
  defaultSeverity: string;
  evidence: string[];
  pages: string[];
  modes: string[];
  docsUrl: string;
}

function rowOf(rule: AnyRule): RuleRow {
  const { meta } = rule;
  return {
    id: meta.id,
    item: meta.item,
    itemNumber: CHECKLIST_ORDER.get(meta.item) ?? 0,
    itemTitle: checklistItem(meta.item).title,
    title: meta.title,
    defaultSeverity: meta.defaultSeverity,
    evidence: [...meta.requiredArtifacts],
    pages: [...(meta.pages ?? [])],
    modes: [...(meta.modes ?? [])],
    docsUrl: meta.docsUrl,
  };
}

export function ruleRows(): RuleRow[] {
  return RULES.map(rowOf).sort((a, b) => a.itemNumber - b.itemNumber || a.id.localeCompare(b.id));
}

export function runRulesCommand(options: RulesOptions, io: CliIo): ExitCode {
  const rows = ruleRows();
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const chalk = chalkFor(io);
  const columns = terminalColumns(io);
  // Items are shown as Stripe's checklist names them (number and title), rules by id: one name
  // for each thing, and the same words as the README's table and the report's sections.
  const cells = (row: RuleRow): string[] => [`  ${row.id}`, row.defaultSeverity, evidenceOf(row), row.modes.join(', ') || '-'];
  const header = ['RULE', 'SEVERITY', 'EVIDENCE', 'MODES'];
  const all = [header, ...rows.map(cells)];
  const widths = header.map((_, column) => Math.max(...all.map((line) => line[column]!.length)));
  const tableWidth = widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  // The one-row-per-rule table when it fits (or --wide); else the evidence under each rule, which fits 80 columns.
  const lines = options.wide || tableWidth <= columns ? tableLines(rows, header, cells, widths, chalk) : narrowLines(rows, columns, chalk);
  lines.push('', chalk.dim(`${rows.length} rules. \`identity-golive explain <rule>\` shows one rule's documentation.`));
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function evidenceOf(row: RuleRow): string {
  return row.evidence.map((artifact) => (artifact === 'Pages' && row.pages.length > 0 ? `Pages(${row.pages.join(',')})` : artifact)).join(', ');
}

function tableLines(rows: readonly RuleRow[], header: string[], cells: (row: RuleRow) => string[], widths: number[], chalk: ReturnType<typeof chalkFor>): string[] {
  const format = (line: string[]): string => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  const lines = [chalk.bold(format(header))];
  CHECKLIST.forEach((item, index) => {
    const serving = rows.filter((row) => row.item === item.id);
    lines.push(chalk.bold(`${index + 1}. ${item.title}`));
    for (const row of serving) lines.push(format(cells(row)));
    if (serving.length === 0) lines.push(chalk.yellow('  (no rule yet)'));
  });
  return lines;
}

/** Rules under their checklist item: id, severity and modes on one line, the evidence below it. */
function narrowLines(rows: readonly RuleRow[], columns: number, chalk: ReturnType<typeof chalkFor>): string[] {
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const lines = [chalk.bold(`${'RULE'.padEnd(idWidth + 2)}  SEVERITY  MODES`)];
  CHECKLIST.forEach((item, index) => {
    const serving = rows.filter((row) => row.item === item.id);
    lines.push(...wrapLine(chalk.bold(item.title), columns, { first: chalk.bold(`${index + 1}. `) }));
    for (const row of serving) {
      lines.push(`  ${row.id.padEnd(idWidth)}  ${row.defaultSeverity.padEnd(8)}  ${row.modes.join(', ') || '-'}`.trimEnd());
      lines.push(...wrapLine(chalk.dim(evidenceOf(row)), columns, { first: `    ${chalk.dim('evidence:')} `, hanging: '              ' }));
    }
    if (serving.length === 0) lines.push(chalk.yellow('  (no rule yet)'));
  });
  return lines;
}

export async function runExplainCommand(ruleId: string, io: CliIo, options: ExplainOptions = {}): Promise<ExitCode> {
  if (!RULES_BY_ID.has(ruleId)) {
    // A checklist item id or a confirmation id is a common guess: offer the rules behind it.
    throw new UserError(
      `Unknown rule "${ruleId}".${quoteChoices(closeRuleIds(ruleId, RULES))}`,
      '`identity-golive rules` lists every rule.',
    );
  }
  const file = path.join(PACKAGE_ROOT, 'rules', `${ruleId}.md`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`The documentation of ${ruleId} is missing (${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}).`, 'Reinstall identity-golive; the package ships rules/*.md.');
  }
  io.stdout.write(options.markdown ? (text.endsWith('\n') ? text : `${text}\n`) : renderTerminalMarkdown(text, chalkFor(io), terminalColumns(io)));
  return 0;
}
