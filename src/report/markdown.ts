// Markdown for $GITHUB_STEP_SUMMARY and PR comments: the verdict, then a table per checklist item
// with what blocks first and links to the fixes, then what was suppressed and why. GitHub drops a
// step summary over 1 MiB, so when the full text is too big it is summarised in steps.
import { CHECKLIST } from '../engine/checklist.js';
import type { GateClass } from '../engine/exit-code.js';
import type { Reporter, ReporterOptions } from './index.js';
import { gateRank, STATUS_LABEL } from './places.js';
import type { Report, ReportFinding, RuleResult } from './types.js';
import { safeText } from './text.js';

export const MARKDOWN_MAX_BYTES = 1024 * 1024;

const ICON: Record<GateClass, string> = { blocking: '❌', undecided: '❓', warning: '⚠️', notice: '➖', ok: '✅' };
const VERDICT_ICON: Record<Report['exitCode'], string> = { 0: '✅', 1: '❌', 2: '❓' };

/**
 * Table cells hold one line: pipes escaped, HTML neutralised outside code spans (inside them
 * entities would show literally), line breaks as <br>, control characters replaced.
 */
export function cell(text: string): string {
  return safeText(text)
    .split(/(`[^`\n]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, '<br>');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function where(finding: Pick<ReportFinding, 'location'>): string {
  const location = finding.location;
  if (!location) return '';
  const text = 'file' in location ? `${location.file}:${location.line}` : 'stripe' in location ? location.stripe : location.url;
  return ` \`${safeText(text).replace(/[`\r\n]/g, ' ').replace(/\|/g, '\\|')}\``;
}

interface Detail {
  /** Passing rules listed in a collapsed table (else only counted). */
  passes: boolean;
  /** Findings shown per rule. */
  findingsPerRule: number;
  /** Characters per message. */
  messageChars: number;
  /** Only what blocks or could not be checked. */
  gatingOnly: boolean;
  /** Rows of the suppressed table. */
  suppressedRows: number;
}

const LEVELS: readonly Detail[] = [
  { passes: true, findingsPerRule: Infinity, messageChars: 2000, gatingOnly: false, suppressedRows: Infinity },
  { passes: false, findingsPerRule: 10, messageChars: 500, gatingOnly: false, suppressedRows: 100 },
  { passes: false, findingsPerRule: 3, messageChars: 300, gatingOnly: false, suppressedRows: 20 },
  { passes: false, findingsPerRule: 1, messageChars: 200, gatingOnly: true, suppressedRows: 0 },
];

function findingCell(result: RuleResult, detail: Detail): { text: string; fix: string } {
  const findings = result.findings.filter((finding) => finding.level !== 'info' || result.status === 'pass');
  const shown = findings.slice(0, detail.findingsPerRule);
  const text = shown.map((finding) => `${cell(clip(finding.message, detail.messageChars))}${where(finding)}`);
  if (findings.length > shown.length) text.push(`…and ${findings.length - shown.length} more`);
  const fixes = [...new Set(shown.map((finding) => finding.fix).filter((fix): fix is string => Boolean(fix)))];
  const fix = [...fixes.map((f) => cell(clip(f, detail.messageChars))), `[docs](${result.docsUrl})`].join('<br>');
  return { text: text.join('<br>') || cell(result.title), fix };
}

function render(report: Report, detail: Detail): string {
  const out: string[] = [];
  const { gate, summary } = report;
  // The report's own headline: scoped to what ran, so a selection never reads "Ready to go live".
  out.push(`## ${VERDICT_ICON[report.exitCode]} identity-golive: ${cell(report.headline.replace(/\.$/, ''))}`, '');
  const policy = [`--fail-on ${gate.failOn}`, gate.maxWarnings !== null ? `--max-warnings ${gate.maxWarnings}` : '', gate.strict ? '--strict' : '', gate.inlineSuppressions ? '' : '--no-inline-suppressions'].filter(Boolean).join(' ');
  out.push(`**${cell(gate.reason)}** Exit code ${report.exitCode} (\`${policy}\`).`, '');
  const counts = (['pass', 'fail', 'warn', 'manual', 'skipped', 'error'] as const).filter((status) => summary[status] > 0).map((status) => `${summary[status]} ${STATUS_LABEL[status]}`);
  if (report.suppressed.length > 0) counts.push(`${report.suppressed.length} suppressed`);
  out.push(counts.join(' · ') || 'No rules ran.', '');
  for (const notice of report.notices) out.push(`> ${notice.level === 'warn' ? '⚠️' : 'ℹ️'} ${cell(notice.message)}${notice.fix ? `<br>Fix: ${cell(notice.fix)}` : ''}`, '');

  // Items with something to act on first, worst first; checklist order otherwise.
  const items = CHECKLIST.map((item, index) => ({ item, number: index + 1, results: report.results.filter((result) => result.item === item.id) }))
    .filter((entry) => entry.results.length > 0)
    .map((entry) => ({ ...entry, worst: Math.min(...entry.results.map((result) => gateRank(result.gate))) }))
    .sort((a, b) => a.worst - b.worst || a.number - b.number);
  const passed: RuleResult[] = [];
  let hidden = 0;
  for (const { item, number, results } of items) {
    const rows = results
      .filter((result) => result.gate !== 'ok')
      .filter((result) => !detail.gatingOnly || result.gate === 'blocking' || result.gate === 'undecided')
      .sort((a, b) => gateRank(a.gate) - gateRank(b.gate));
    passed.push(...results.filter((result) => result.gate === 'ok'));
    hidden += results.filter((result) => result.gate !== 'ok').length - rows.length;
    if (rows.length === 0) continue;
    out.push(`### ${ICON[rows[0]!.gate]} ${number}. ${cell(item.title)}`, '', '| | Rule | Status | Finding | Fix |', '|:-:|---|---|---|---|');
    for (const result of rows) {
      const { text, fix } = findingCell(result, detail);
      out.push(`| ${ICON[result.gate]} | \`${result.ruleId}\`<br>${cell(result.title)} | ${STATUS_LABEL[result.status]}${result.severity === 'warn' ? ' (warn)' : ''} | ${text} | ${fix} |`);
    }
    out.push('');
  }
  if (hidden > 0) out.push(`_${hidden} warnings and notices left out to fit GitHub's summary limit; see the SARIF or JSON report._`, '');
  if (passed.length > 0) {
    if (detail.passes) {
      out.push(`<details><summary>✅ ${passed.length} rule${passed.length === 1 ? '' : 's'} passed</summary>`, '', '| Rule | |', '|---|---|');
      for (const result of passed) out.push(`| \`${result.ruleId}\` | ${cell(result.title)} |`);
      out.push('', '</details>', '');
    } else {
      out.push(`✅ ${passed.length} rule${passed.length === 1 ? '' : 's'} passed.`, '');
    }
  }
  if (report.suppressed.length > 0) {
    out.push(`### 🔕 Suppressed (${report.suppressed.length})`, '');
    const rows = report.suppressed.slice(0, detail.suppressedRows);
    if (rows.length > 0) {
      out.push('| Rule | Finding | Reason | Source | Expires |', '|---|---|---|---|---|');
      for (const entry of rows) {
        out.push(`| \`${entry.ruleId}\` | ${cell(clip(entry.finding.message, detail.messageChars))}${where(entry.finding)} | ${cell(clip(entry.reason, detail.messageChars))} | ${entry.source} | ${entry.expires ?? '—'} |`);
      }
      out.push('');
    }
    if (report.suppressed.length > rows.length) out.push(`_${report.suppressed.length - rows.length} more suppressed findings are listed in the SARIF and JSON reports._`, '');
  }
  if (report.suppressionIssues.length > 0) {
    out.push(`### ⚠️ Suppression problems (${report.suppressionIssues.length})`, '');
    for (const issue of report.suppressionIssues) out.push(`- ${cell(clip(issue.message, detail.messageChars))}<br>Fix: ${cell(issue.fix)}`);
    out.push('');
  }
  out.push(`<sub>${report.tool.name} ${report.tool.version} · ${report.generatedAt} · [Stripe's go-live checklist](https://docs.stripe.com/identity/before-going-live)</sub>`, '');
  return out.join('\n');
}

export const markdown: Reporter = (report: Report, options: ReporterOptions) => {
  const limit = options.maxBytes ?? MARKDOWN_MAX_BYTES;
  for (const detail of LEVELS) {
    const text = render(report, detail);
    if (Buffer.byteLength(text) <= limit) return text;
  }
  // Still too big: keep whole lines up to the limit, and say so.
  const note = '\n\n_Summary cut to fit the size limit; see the SARIF or JSON report._\n';
  const text = render(report, LEVELS[LEVELS.length - 1]!);
  const budget = Math.max(0, limit - Buffer.byteLength(note));
  let size = 0;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const bytes = Buffer.byteLength(line) + 1;
    if (size + bytes > budget) break;
    kept.push(line);
    size += bytes;
  }
  return `${kept.join('\n')}${note}`.slice(0, limit);
};
