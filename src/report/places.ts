// Where a finding points, for the CI formats (SARIF, GitHub annotations): code findings at their
// file, line and column relative to the repository root; account-level findings (a Stripe object,
// a URL, nothing) anchored to the config file, else package.json or the README.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { GATE_ORDER, type GateClass } from '../engine/exit-code.js';
import type { ReporterOptions } from './index.js';
import type { Report, ReportFinding, RuleResult } from './types.js';

export interface Place {
  /** Repository-relative, forward slashes. */
  file: string;
  line: number;
  column?: number;
  /** The Stripe object id or URL the finding is about, when it is not code. */
  object?: string;
  /** True when `file` is only the anchor for an account-level finding. */
  anchored: boolean;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/').replace(/\\/g, '/');
}

/** A path relative to the scanned directory (or absolute), re-expressed relative to the repository root. */
export function repoPath(report: Report, options: Pick<ReporterOptions, 'repoRoot'>, file: string): string {
  const root = options.repoRoot ?? report.target.cwd;
  const absolute = path.resolve(report.target.cwd, file);
  const relative = path.relative(root, absolute);
  // Outside the repository: keep what the rule said rather than invent `../` paths.
  return relative.startsWith('..') || path.isAbsolute(relative) ? toPosix(file) : toPosix(relative);
}

/** The file account-level findings point at. */
export function anchorFile(report: Report, options: Pick<ReporterOptions, 'repoRoot' | 'anchorFile'>): string {
  const chosen = options.anchorFile ?? report.target.configFile ?? 'package.json';
  return repoPath(report, options, chosen);
}

export function placeOf(finding: Pick<ReportFinding, 'location'>, report: Report, options: Pick<ReporterOptions, 'repoRoot' | 'anchorFile'>): Place {
  const where = finding.location;
  if (where && 'file' in where) return { file: repoPath(report, options, where.file), line: Math.max(1, where.line), ...(where.column ? { column: where.column } : {}), anchored: false };
  const object = where ? ('stripe' in where ? where.stripe : where.url) : undefined;
  return { file: anchorFile(report, options), line: 1, ...(object ? { object } : {}), anchored: true };
}

/** Non-note findings of results that did not pass, most important first (gate, then checklist order). */
export interface RankedFinding {
  result: RuleResult;
  finding: ReportFinding;
}

export function rankedFindings(report: Report): RankedFinding[] {
  const entries = report.results
    .filter((result) => result.gate !== 'ok')
    .flatMap((result) => result.findings.filter((finding) => finding.level !== 'info').map((finding) => ({ result, finding })));
  // Array.prototype.sort is stable: checklist order holds within a gate class.
  return entries.sort((a, b) => gateRank(a.result.gate) - gateRank(b.result.gate));
}

export const gateRank = (gate: GateClass) => GATE_ORDER.indexOf(gate);

/**
 * Identity of a finding across runs: rule, message and the object or file it is about; neither the
 * line number (moving code must not reopen an alert) nor the data (a count that changes is the
 * same problem). `seen` tells apart otherwise identical findings by their order.
 */
export function fingerprint(ruleId: string, messageId: string, subject: string, seen: Map<string, number>): string {
  const base = createHash('sha256').update([ruleId, messageId, subject].join('\0')).digest('hex');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : createHash('sha256').update(`${base}\0${count}`).digest('hex');
}

/** What a finding is about, for its fingerprint. */
export function subjectOf(location: ReportFinding['location']): string {
  if (!location) return '';
  if ('file' in location) return `file:${toPosix(location.file)}`;
  return 'stripe' in location ? `stripe:${location.stripe}` : `url:${location.url}`;
}

export const STATUS_LABEL: Record<RuleResult['status'], string> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'warning',
  manual: 'to confirm',
  skipped: 'skipped',
  error: 'could not check',
};
