// One self-contained HTML page for the people who own half the checklist (product, legal): the
// verdict, the run's date and keys, the fourteen items in Stripe's order with what was found, the
// fixes and the docs, who confirmed what and when, and what was suppressed. Inline CSS only; a
// Content-Security-Policy forbids scripts and every fetch, so the file works offline and a hostile
// string cannot run.
import { CHECKLIST } from '../engine/checklist.js';
import type { GateClass } from '../engine/exit-code.js';
import type { Reporter } from './index.js';
import { gateRank, STATUS_LABEL } from './places.js';
import type { Report, ReportFinding, ReportKey, RuleResult } from './types.js';
import { safeText } from './text.js';

/** Text for an element or a quoted attribute: markup, quotes and control characters neutralised. */
export function escapeHtml(text: string): string {
  return safeText(String(text)).replace(/[&<>"']/g, (char) => ENTITY[char]!);
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A link only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
export function link(url: string, label: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(label)}</a>` : escapeHtml(label);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "22 November 2026, 12:00 UTC": readable, and the same on every machine (no locale, no zone). */
export function humanDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** Plain words for what a result means for going live (the gate class is the engine's). */
const GATE_LABEL: Record<GateClass, string> = {
  blocking: 'Blocks go-live',
  undecided: 'Could not check',
  warning: 'Warning',
  notice: 'Not checked',
  ok: 'Done',
};
/** A rule's own status, in the report's words (capitalised for a badge). */
const STATUS_BADGE: Record<RuleResult['status'], string> = { pass: 'Passed', fail: 'Failed', warn: 'Warning', manual: 'To confirm', skipped: 'Skipped', error: 'Could not check' };
/** The header's colour: green only for a whole-checklist pass with nothing skipped (the headline says why otherwise). */
function verdictClass(report: Report): string {
  if (report.exitCode === 1) return 'blocking';
  if (report.exitCode === 2) return 'undecided';
  return report.scope === 'checklist' && report.summary.skipped === 0 ? 'ok' : 'notice';
}

function where(finding: Pick<ReportFinding, 'location'>): string {
  const location = finding.location;
  if (!location) return '';
  if ('file' in location) return `<code>${escapeHtml(`${location.file}:${location.line}${location.column ? `:${location.column}` : ''}`)}</code>`;
  if ('stripe' in location) return `<code>${escapeHtml(location.stripe)}</code>`;
  return `<code>${escapeHtml(location.url)}</code>`;
}

/** Text with `code spans` rendered as <code>; everything escaped. */
function prose(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

function keyLine(key: ReportKey): string {
  const kind = key.kind === 'restricted' ? 'restricted key' : 'unrestricted secret key';
  return `<li><strong>${escapeHtml(key.mode)} mode</strong>: ${escapeHtml(kind)} <code>${escapeHtml(key.masked)}</code> from <code>${escapeHtml(key.source)}</code></li>`;
}

function runFacts(report: Report): string {
  const { target } = report;
  const none = target.snapshot ? 'none in this run (the Stripe evidence comes from the snapshot)' : target.offline ? 'none (offline run)' : 'none: Stripe API rules could not read the account';
  const keys = target.keys.length > 0 ? `<ul class="keys">${target.keys.map(keyLine).join('')}</ul>` : escapeHtml(none);
  const rows: [string, string][] = [
    ['Run', `<time datetime="${escapeHtml(report.generatedAt)}">${escapeHtml(humanDate(report.generatedAt))}</time>`],
    ['Stripe keys', keys],
  ];
  if (target.offline) rows.push(['Network', 'offline: Stripe and page checks were skipped']);
  if (target.snapshot) {
    const gathered = target.snapshotGatheredAt ? `, gathered <time datetime="${escapeHtml(target.snapshotGatheredAt)}">${escapeHtml(humanDate(target.snapshotGatheredAt))}</time>` : '';
    rows.push(['Evidence', `replayed from the snapshot <code>${escapeHtml(target.snapshot)}</code>${gathered}`]);
  }
  if (target.apiBase) rows.push(['Stripe API', `<code>${escapeHtml(target.apiBase)}</code>`]);
  rows.push(['Project', `<code>${escapeHtml(target.cwd)}</code>${target.configFile ? `, config <code>${escapeHtml(target.configFile)}</code>` : ', no config file'}`]);
  const { gate } = report;
  const policy = [`--fail-on ${gate.failOn}`, gate.maxWarnings !== null ? `--max-warnings ${gate.maxWarnings}` : '', gate.strict ? '--strict' : '', gate.inlineSuppressions ? '' : '--no-inline-suppressions'].filter(Boolean).join(' ');
  rows.push(['Threshold', `<code>${escapeHtml(policy)}</code>, exit code ${report.exitCode}`]);
  return `<dl class="facts">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function counts(report: Report): string {
  const { summary } = report;
  const parts = (['pass', 'fail', 'warn', 'manual', 'skipped', 'error'] as const)
    .filter((status) => summary[status] > 0)
    .map((status) => `<li class="count s-${status}"><strong>${summary[status]}</strong> ${escapeHtml(STATUS_LABEL[status])}</li>`);
  if (report.suppressed.length > 0) parts.push(`<li class="count"><strong>${report.suppressed.length}</strong> suppressed</li>`);
  return parts.length > 0 ? `<ul class="counts">${parts.join('')}</ul>` : '<p>No rules ran.</p>';
}

function findingItem(finding: ReportFinding): string {
  const place = where(finding);
  const fix = finding.fix ? `<div class="fix"><span class="label">Fix</span> ${prose(finding.fix)}</div>` : '';
  return `<li class="finding l-${escapeHtml(finding.level)}"><div class="message">${prose(finding.message)}</div>${place ? `<div class="where">${place}</div>` : ''}${fix}</li>`;
}

function ruleBlock(result: RuleResult, suppressedCount: number): string {
  const status = `${STATUS_BADGE[result.status]}${result.status !== 'pass' && result.severity === 'warn' ? ' (warn severity)' : ''}`;
  const suppressed = suppressedCount > 0 ? ` <span class="muted">(${suppressedCount} suppressed)</span>` : '';
  const findings = result.findings.length > 0 ? `<ul class="findings">${result.findings.map(findingItem).join('')}</ul>` : '';
  return [
    `<div class="rule g-${escapeHtml(result.gate)}" data-rule="${escapeHtml(result.ruleId)}">`,
    `<div class="rule-head"><span class="badge g-${escapeHtml(result.gate)}">${escapeHtml(status)}</span> <span class="rule-title">${escapeHtml(result.title)}</span>${suppressed}</div>`,
    `<div class="rule-id"><code>${escapeHtml(result.ruleId)}</code> · ${link(result.docsUrl, 'Stripe docs')}</div>`,
    findings,
    '</div>',
  ].join('');
}

interface ItemView {
  number: number;
  item: (typeof CHECKLIST)[number];
  results: RuleResult[];
  /** The most pressing gate class among the item's results; null when none of its rules ran. */
  gate: GateClass | null;
}

function itemViews(report: Report): ItemView[] {
  return CHECKLIST.map((item, index) => {
    const results = report.results.filter((result) => result.item === item.id);
    const gate = results.length > 0 ? [...results].sort((a, b) => gateRank(a.gate) - gateRank(b.gate))[0]!.gate : null;
    return { number: index + 1, item, results, gate };
  });
}

function itemBadge(gate: GateClass | null): string {
  return gate ? `<span class="badge g-${escapeHtml(gate)}">${escapeHtml(GATE_LABEL[gate] ?? gate)}</span>` : '<span class="badge g-none">Not in this run</span>';
}

/** The fourteen items on one screen, each linked to its details. */
function overview(views: readonly ItemView[]): string {
  const rows = views.map(({ number, item, gate }) => `<li><a href="#item-${number}"><span class="number">${number}</span> <span class="item-title">${escapeHtml(item.title)}</span></a> ${itemBadge(gate)}</li>`);
  return `<ol class="overview">${rows.join('')}</ol>`;
}

function items(report: Report, views: readonly ItemView[]): string {
  return views.map(({ number, item, results, gate }) => {
    const badge = itemBadge(gate);
    const body =
      results.length > 0
        ? results.map((result) => ruleBlock(result, report.suppressed.filter((entry) => entry.ruleId === result.ruleId).length)).join('')
        : '<p class="muted">No rule of this item was selected for this run.</p>';
    return [
      `<section class="item g-${escapeHtml(gate ?? 'none')}" id="item-${number}" data-item="${escapeHtml(item.id)}">`,
      `<h2><span class="number">${number}</span> <span class="item-title">${escapeHtml(item.title)}</span> ${badge}</h2>`,
      `<p class="item-docs">${link(item.docsUrl, "Stripe's guidance for this item")}</p>`,
      body,
      '</section>',
    ].join('\n');
  }).join('\n');
}

/** Results outside the fourteen items (a hand-made or newer report): shown, never dropped. */
function strays(report: Report): string {
  const known = new Set<string>(CHECKLIST.map((item) => item.id));
  const results = report.results.filter((result) => !known.has(result.item));
  if (results.length === 0) return '';
  const blocks = results.map((result) => ruleBlock(result, report.suppressed.filter((entry) => entry.ruleId === result.ruleId).length)).join('');
  return `<section class="item" id="item-other"><h2><span class="item-title">Not part of the checklist</span></h2>${blocks}</section>`;
}

interface Confirmation {
  item: string;
  by: string;
  at: string;
  expires: string;
  state: 'confirmed' | 'expired' | 'missing';
  note: string;
  ruleId: string;
}

/** Who confirmed what and when, from the attestation findings the rules reported. */
function confirmations(report: Report): Confirmation[] {
  const seen = new Set<string>();
  const out: Confirmation[] = [];
  for (const result of report.results) {
    for (const finding of result.findings) {
      const state = finding.messageId === 'attested' ? 'confirmed' : finding.messageId === 'attestationExpired' ? 'expired' : finding.messageId === 'notAttested' ? 'missing' : null;
      if (!state) continue;
      const text = (key: string) => (finding.data[key] === undefined ? '' : String(finding.data[key]));
      // Several rules may read the same confirmation: list it once.
      if (seen.has(`${text('item')}\0${state}`)) continue;
      seen.add(`${text('item')}\0${state}`);
      // The rules format the note as ` — "note" (evidence: …)`; a table cell needs neither dash nor quotes.
      const note = state === 'confirmed' ? text('note').replace(/^ — "([\s\S]*?)"(?= \(evidence: |$)/, '$1').replace(/^ — /, '').replace(/^ \((evidence: [\s\S]*)\)$/, '$1') : text('question');
      out.push({ item: text('item'), by: text('by'), at: text('at'), expires: text('expires'), state, note, ruleId: result.ruleId });
    }
  }
  return out;
}

const CONFIRMATION_LABEL: Record<Confirmation['state'], string> = { confirmed: 'Confirmed', expired: 'Expired', missing: 'Not confirmed yet' };

function attestationTable(report: Report): string {
  const rows = confirmations(report);
  if (rows.length === 0) return '<p class="muted">No rule in this run reads recorded confirmations.</p>';
  return [
    '<table class="confirmations"><thead><tr><th>Confirmation</th><th>Status</th><th>By</th><th>On</th><th>Valid through</th><th>Note or question</th></tr></thead><tbody>',
    ...rows.map(
      (row) =>
        `<tr class="c-${row.state}"><td class="nowrap"><code>${escapeHtml(row.item)}</code></td><td class="nowrap">${CONFIRMATION_LABEL[row.state]}</td><td class="text">${escapeHtml(row.by) || '—'}</td><td class="nowrap">${escapeHtml(row.at) || '—'}</td><td class="nowrap">${escapeHtml(row.expires) || '—'}</td><td class="text">${escapeHtml(row.note)}</td></tr>`,
    ),
    '</tbody></table>',
    '<p class="muted">Recorded with <code>identity-golive attest</code> in <code>.identity-golive/attestations.json</code>.</p>',
  ].join('\n');
}

function suppressions(report: Report): string {
  const out: string[] = [];
  if (report.suppressed.length > 0) {
    out.push(`<h2>Suppressed findings (${report.suppressed.length})</h2>`, '<table><thead><tr><th>Rule</th><th>Finding</th><th>Reason</th><th>Source</th><th>Expires</th></tr></thead><tbody>');
    for (const entry of report.suppressed) {
      const place = where(entry.finding);
      out.push(`<tr><td><code>${escapeHtml(entry.ruleId)}</code></td><td class="text">${prose(entry.finding.message)}${place ? ` ${place}` : ''}</td><td class="text">${escapeHtml(entry.reason)}</td><td class="nowrap">${escapeHtml(entry.source)}</td><td class="nowrap">${escapeHtml(entry.expires ?? '—')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  if (report.suppressionIssues.length > 0) {
    out.push(`<h2>Suppression problems (${report.suppressionIssues.length})</h2>`, '<ul class="findings">');
    for (const issue of report.suppressionIssues) out.push(`<li class="finding l-warn"><div class="message">${prose(issue.message)}</div><div class="fix"><span class="label">Fix</span> ${prose(issue.fix)}</div></li>`);
    out.push('</ul>');
  }
  return out.length > 0 ? `<section class="suppressions">\n${out.join('\n')}\n</section>` : '';
}

function notices(report: Report): string {
  if (report.notices.length === 0) return '';
  const list = report.notices.map((notice) => `<li class="notice n-${notice.level}">${prose(notice.message)}${notice.fix ? `<div class="fix"><span class="label">Fix</span> ${prose(notice.fix)}</div>` : ''}</li>`);
  return `<ul class="notices">${list.join('')}</ul>`;
}

// Status colours pass WCAG AA on white; print drops the backgrounds.
const STYLE = `
:root{color-scheme:light;--ink:#1a1f36;--muted:#5b6478;--line:#e3e8ee;--bg:#f6f8fa;--ok:#0e6245;--ok-bg:#cbf4c9;--block:#a41c4e;--block-bg:#ffe7f2;--undecided:#7a4a00;--undecided-bg:#fcedb9;--warn:#8a4b00;--warn-bg:#fff3d6;--notice:#3c4257;--notice-bg:#e3e8ee}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:960px;margin:0 auto;padding:32px 24px 48px}
header.verdict{background:#fff;border:1px solid var(--line);border-left:8px solid var(--notice);border-radius:8px;padding:20px 24px;margin-bottom:24px}
header.verdict.v-ok{border-left-color:var(--ok)}header.verdict.v-blocking{border-left-color:var(--block)}header.verdict.v-undecided{border-left-color:var(--undecided)}
.eyebrow{margin:0;color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.06em}
h1{margin:4px 0 4px;font-size:28px;line-height:1.2}
.reason{margin:0 0 12px;font-size:16px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0 0;font-size:14px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
.keys{margin:0;padding:0;list-style:none}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0 0;padding:0;list-style:none}
.count{background:var(--bg);border:1px solid var(--line);border-radius:999px;padding:2px 12px;font-size:14px}
.notices{list-style:none;margin:0 0 24px;padding:0}
.notice{background:#fff;border:1px solid var(--line);border-left:4px solid var(--notice);border-radius:6px;padding:10px 14px;margin-bottom:8px}
.notice.n-warn{border-left-color:var(--warn)}
h2.section{font-size:20px;margin:32px 0 12px}
.overview{list-style:none;margin:0 0 8px;padding:0;background:#fff;border:1px solid var(--line);border-radius:8px}
.overview li{display:flex;align-items:center;gap:10px;padding:7px 16px;border-bottom:1px solid var(--line)}
.overview li:last-child{border-bottom:0}
.overview a{flex:1;display:flex;align-items:center;gap:10px;color:inherit;text-decoration:none}
.overview a:hover .item-title{text-decoration:underline}
.number{flex:none;display:inline-block;min-width:28px;height:28px;line-height:28px;text-align:center;border-radius:50%;background:var(--bg);border:1px solid var(--line);font-size:14px}
.item{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:12px;break-inside:avoid}
.item h2{display:flex;align-items:baseline;gap:10px;margin:0;font-size:17px;line-height:1.35}
.item .item-title{flex:1}
.item-docs{margin:2px 0 8px 38px;font-size:13px}
.item>.rule,.item>p.muted{margin-left:38px}
.badge{flex:none;display:inline-block;border-radius:4px;padding:1px 8px;font-size:12px;font-weight:600;white-space:nowrap;background:var(--notice-bg);color:var(--notice)}
.badge.g-ok{background:var(--ok-bg);color:var(--ok)}.badge.g-blocking{background:var(--block-bg);color:var(--block)}.badge.g-undecided{background:var(--undecided-bg);color:var(--undecided)}.badge.g-warning{background:var(--warn-bg);color:var(--warn)}
.badge.g-none{background:transparent;border:1px dashed var(--line);color:var(--muted)}
.rule{border-top:1px solid var(--line);padding:10px 0 4px}
.rule-title{font-weight:600}
.rule-id{font-size:13px;color:var(--muted)}
.findings{margin:6px 0 0;padding-left:20px}
.finding{margin:4px 0}
.finding .message{overflow-wrap:anywhere;white-space:pre-wrap}
.where{font-size:13px;color:var(--muted)}
.fix{font-size:14px;margin-top:2px;overflow-wrap:anywhere}
.label{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin-right:4px}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);border-radius:3px;padding:0 3px;overflow-wrap:anywhere}
a{color:#3a4cd6}
.muted{color:var(--muted)}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:8px;font-size:14px}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line);overflow-wrap:break-word}
th{background:var(--bg);font-weight:600;white-space:nowrap}
td.text{overflow-wrap:anywhere}
td.nowrap{white-space:nowrap;overflow-wrap:normal}td.nowrap code{overflow-wrap:normal}
tr.c-missing td:nth-child(2),tr.c-expired td:nth-child(2){color:var(--block);font-weight:600}
tr.c-confirmed td:nth-child(2){color:var(--ok);font-weight:600}
.suppressions h2{font-size:20px;margin:32px 0 12px}
footer{margin-top:32px;color:var(--muted);font-size:13px}
@media print{body{background:#fff}.item,header.verdict,table{border-color:#999}}
`;

export const html: Reporter = (report: Report) => {
  // The engine's headline, scoped to what ran; a heading has no room for its full stop.
  const verdict = report.headline.replace(/\.$/, '');
  const views = itemViews(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${escapeHtml(`${report.tool.name} ${report.tool.version}`)}">
<title>${escapeHtml(`${verdict.replace(/`/g, '')}: Stripe Identity go-live report, ${humanDate(report.generatedAt)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="verdict v-${verdictClass(report)}">
<p class="eyebrow">Stripe Identity · Before going live</p>
<h1>${prose(verdict)}</h1>
<p class="reason">${prose(report.gate.reason)}</p>
${runFacts(report)}
${counts(report)}
</header>
${notices(report)}
<h2 class="section">The checklist at a glance</h2>
${overview(views)}
<h2 class="section">Item by item</h2>
${items(report, views)}${strays(report)}
<h2 class="section">Confirmations</h2>
${attestationTable(report)}
${suppressions(report)}
<footer>Generated by ${escapeHtml(`${report.tool.name} ${report.tool.version}`)} on ${escapeHtml(humanDate(report.generatedAt))} from ${link('https://docs.stripe.com/identity/before-going-live', "Stripe's “Before going live” checklist")}. Everything is shown; the verdict follows the threshold above.</footer>
</main>
</body>
</html>
`;
};
