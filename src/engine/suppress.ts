// Suppressions, applied after the rules run: a config entry (`{rule, target?, reason, expires}`)
// or an inline `identity-golive-disable-next-line <rule> -- <reason>` directive hides matching
// findings, which stay listed with their reason. Missing evidence (`error`, `skipped`) is never
// suppressible, a suppression without a reason hides nothing, and an expired one no longer hides.
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/schema.js';
import type { InlineSuppression } from '../gather/source/types.js';
import type { SuppressionIssue, SuppressionSource } from '../report/types.js';
import type { Finding, FindingLevel, Outcome } from './rule.js';
import type { RuleRun } from './runner.js';
import { didYouMean } from '../util/suggest.js';

export type ConfigSuppression = ResolvedConfig['suppressions'][number];

export interface SuppressionInput {
  config: readonly ConfigSuppression[];
  /** Directives the source scan recorded; null when `--no-inline-suppressions` (or no scan). */
  inline: readonly InlineSuppression[] | null;
  /** Rule ids that exist, to flag a config entry naming none of them. */
  knownRuleIds: ReadonlySet<string>;
  now: number;
  /** Config entries expiring within this many days are reported (`expiryWarningDays`); default 0: none. */
  warnDays?: number;
}

/** A config suppression still in force that stops hiding within the warning window. */
export interface ExpiringSuppression {
  entry: ConfigSuppression;
  /** Calendar days (UTC) until it stops hiding: 0 today, 1 tomorrow. */
  daysLeft: number;
}

export interface SuppressionMatch {
  run: RuleRun;
  finding: Finding;
  /** The finding's level before it was hidden (its outcome's status when it had none). */
  level: FindingLevel | Outcome['status'];
  reason: string;
  source: SuppressionSource;
  expires: string | null;
  target: string | null;
}

export interface SuppressionResult {
  runs: RuleRun[];
  suppressed: SuppressionMatch[];
  issues: SuppressionIssue[];
  expiringSoon: ExpiringSuppression[];
}

const DAY = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})(T.+)?$/;

/**
 * When a suppression stops hiding: the start (00:00 UTC) of its `expires` date, or the exact
 * instant when a time is given. A date that does not exist (2027-02-30) or does not parse is
 * treated as already expired: a typo must not make a suppression permanent.
 */
export function expiryInstant(expires: string): number | null {
  const match = DATE.exec(expires.trim());
  if (!match) return null;
  const [, y, m, d, time] = match as unknown as [string, string, string, string, string | undefined];
  const day = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(day);
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) return null;
  if (time === undefined) return day;
  const instant = Date.parse(expires.trim());
  return Number.isFinite(instant) ? instant : null;
}

export function isExpired(expires: string, now: number): boolean {
  const instant = expiryInstant(expires);
  return instant === null || now >= instant;
}

const isSuppressible = (run: RuleRun, finding: Finding) =>
  // Missing evidence is never hidden: that would turn "could not check" into a pass.
  run.outcome.status !== 'error' && run.outcome.status !== 'skipped' && !finding.messageId.startsWith('$') && levelOf(run.outcome, finding) !== 'info';

function levelOf(outcome: Outcome, finding: Finding): FindingLevel | Outcome['status'] {
  return finding.level ?? (outcome.status === 'pass' ? 'info' : outcome.status);
}

const normalisePath = (file: string) => file.replace(/\\/g, '/').replace(/^\.\//, '');

function targetMatches(target: string | undefined, finding: Finding): boolean {
  if (target === undefined) return true;
  const where = finding.location;
  // A targeted entry cannot hide a finding that points nowhere.
  if (!where) return false;
  if ('file' in where) return picomatch(normalisePath(target), { dot: true })(normalisePath(where.file));
  if ('stripe' in where) return target === where.stripe || picomatch(target)(where.stripe);
  return target === where.url;
}

function inlineMatches(directive: InlineSuppression, ruleId: string, finding: Finding): boolean {
  const where = finding.location;
  return Boolean(where && 'file' in where && normalisePath(where.file) === normalisePath(directive.file) && where.line === directive.line && directive.ruleIds.includes(ruleId));
}

const hasReason = (reason: string | null): reason is string => reason !== null && reason.trim().length > 0;

export function applySuppressions(runs: readonly RuleRun[], input: SuppressionInput): SuppressionResult {
  const issues: SuppressionIssue[] = [];
  const active: ConfigSuppression[] = [];
  for (const entry of input.config) {
    if (!input.knownRuleIds.has(entry.rule)) {
      issues.push(configIssue('unknown_rule', entry, `Suppression for unknown rule "${entry.rule}" hides nothing.${didYouMean(entry.rule, [...input.knownRuleIds])}`, 'Fix the rule id; `identity-golive rules` lists them.'));
    } else if (isExpired(entry.expires, input.now)) {
      const wouldHide = runs.filter((run) => run.rule.meta.id === entry.rule).flatMap((run) => run.outcome.findings.filter((f) => isSuppressible(run, f) && targetMatches(entry.target, f))).length;
      const when = expiryInstant(entry.expires) === null ? `has an invalid expiry date "${entry.expires}" (so counts as expired)` : `expired on ${entry.expires}`;
      issues.push(
        configIssue(
          'expired',
          entry,
          `Suppression of ${entry.rule}${entry.target ? ` for ${entry.target}` : ''} ${when}; ${wouldHide === 1 ? 'its finding is' : `its ${wouldHide} findings are`} shown again.`,
          'Fix the finding, or renew the suppression with a new reason and `expires` date after review.',
        ),
      );
    } else {
      active.push(entry);
    }
  }
  const expiringSoon = active.flatMap((entry): ExpiringSuppression[] => {
    const instant = expiryInstant(entry.expires)!;
    return instant - input.now <= (input.warnDays ?? 0) * DAY ? [{ entry, daysLeft: Math.max(0, Math.floor(instant / DAY) - Math.floor(input.now / DAY)) }] : [];
  });
  const directives = input.inline ?? [];
  const sound = directives.filter((directive) => hasReason(directive.reason));
  for (const directive of directives) {
    // A misspelt id in a directive hides nothing for it; say so, or the author believes it silenced.
    for (const id of directive.ruleIds.filter((ruleId) => !input.knownRuleIds.has(ruleId))) {
      issues.push({
        kind: 'unknown_rule',
        source: 'inline',
        ruleIds: [id],
        target: `${directive.file}:${directive.line}`,
        location: { file: directive.file, line: Math.max(1, directive.line - 1) },
        reason: directive.reason,
        expires: null,
        message: `identity-golive-disable-next-line in ${directive.file} names unknown rule "${id}", which hides nothing.${didYouMean(id, [...input.knownRuleIds])}`,
        fix: 'Fix the rule id; `identity-golive rules` lists them.',
      });
    }
    if (hasReason(directive.reason)) continue;
    issues.push({
      kind: 'missing_reason',
      source: 'inline',
      ruleIds: [...directive.ruleIds],
      target: `${directive.file}:${directive.line}`,
      location: { file: directive.file, line: Math.max(1, directive.line - 1) },
      reason: null,
      expires: null,
      message: `identity-golive-disable-next-line ${directive.ruleIds.join(', ')} in ${directive.file} gives no reason, so it suppresses nothing.`,
      fix: 'Add the reason after two dashes: `identity-golive-disable-next-line <rule> -- <why this is safe>`.',
    });
  }

  const suppressed: SuppressionMatch[] = [];
  const out = runs.map((run) => {
    const ruleId = run.rule.meta.id;
    const kept: Finding[] = [];
    let hidden = 0;
    for (const finding of run.outcome.findings) {
      const match = isSuppressible(run, finding) ? findMatch(ruleId, finding, sound, active) : null;
      if (!match) {
        // Keep the level explicit: the outcome's status may change below.
        kept.push({ ...finding, level: finding.level ?? (run.outcome.status === 'pass' ? 'info' : (run.outcome.status as FindingLevel)) });
        continue;
      }
      hidden += 1;
      suppressed.push({ run, finding, level: levelOf(run.outcome, finding), ...match });
    }
    return hidden === 0 ? run : { ...run, outcome: outcomeAfter(kept) };
  });
  return { runs: out, suppressed, issues, expiringSoon };
}

function findMatch(ruleId: string, finding: Finding, inline: readonly InlineSuppression[], config: readonly ConfigSuppression[]): Pick<SuppressionMatch, 'reason' | 'source' | 'expires' | 'target'> | null {
  // The directive next to the code is the more specific statement, so it wins.
  const directive = inline.find((candidate) => inlineMatches(candidate, ruleId, finding));
  if (directive) return { reason: directive.reason!.trim(), source: 'inline', expires: null, target: `${directive.file}:${directive.line}` };
  const entry = config.find((candidate) => candidate.rule === ruleId && targetMatches(candidate.target, finding));
  if (entry) return { reason: entry.reason, source: 'config', expires: entry.expires, target: entry.target ?? null };
  return null;
}

/** What is left decides: the heaviest remaining level, or `pass` when only notes remain. */
function outcomeAfter(kept: readonly Finding[]): Outcome {
  const levels = new Set(kept.map((finding) => finding.level));
  const status = (['fail', 'manual', 'warn'] as const).find((level) => levels.has(level));
  const [first, ...rest] = kept;
  if (status && first) return { status, findings: [first, ...rest] };
  return { status: 'pass', findings: kept };
}

function configIssue(kind: SuppressionIssue['kind'], entry: ConfigSuppression, message: string, fix: string): SuppressionIssue {
  return { kind, source: 'config', ruleIds: [entry.rule], target: entry.target ?? null, location: null, reason: entry.reason, expires: entry.expires, message, fix };
}
