// The Report: a finished, serialisable object (schema versioned). Reporters only render it.
import type { ChecklistItemId } from '../engine/checklist.js';
import type { FindingLevel, Location, Severity, Status } from '../engine/rule.js';
import type { Mode } from '../engine/artifacts.js';
import type { FailOn, GateClass } from '../engine/exit-code.js';

// 2: `title` is neutral for results nothing was judged on; `neutralTitle`, `scope`, `headline` added.
export const REPORT_SCHEMA_VERSION = 2;

export interface ReportFinding {
  messageId: string;
  level: FindingLevel | Status;
  /** Rendered message, secrets masked. */
  message: string;
  fix: string | null;
  location: Location | null;
  data: Record<string, string | number>;
}

export interface RuleResult {
  ruleId: string;
  item: ChecklistItemId;
  /**
   * The title that fits the result: the success title on a pass, the failure title on fail, warn
   * or manual, the neutral title when nothing was judged (skipped, error, or a pass only because
   * findings were suppressed).
   */
  title: string;
  /** The rule's subject, stating no verdict. */
  neutralTitle: string;
  severity: Exclude<Severity, 'off'>;
  status: Status;
  docsUrl: string;
  findings: ReportFinding[];
  /** What this result means for the exit code under the run's policy (computed by the engine). */
  gate: GateClass;
}

export type SuppressionSource = 'config' | 'inline';

/** A finding hidden by a suppression: listed with its reason, never silently dropped. */
export interface SuppressedFinding {
  ruleId: string;
  item: ChecklistItemId;
  finding: ReportFinding;
  reason: string;
  source: SuppressionSource;
  /** The config entry's `expires` date; null for inline directives (they live with the code). */
  expires: string | null;
  /** The config entry's `target` (null: the whole rule); for inline, the file:line directive. */
  target: string | null;
}

/** A suppression that hides nothing because it is unsound; each is a warning. */
export interface SuppressionIssue {
  kind: 'expired' | 'missing_reason' | 'unknown_rule';
  source: SuppressionSource;
  ruleIds: string[];
  target: string | null;
  /** Inline: the directive's line; config: null (the config file). */
  location: { file: string; line: number } | null;
  reason: string | null;
  expires: string | null;
  message: string;
  fix: string;
}

/** The threshold the run was judged by, and the counts behind the exit code. */
export interface GateSummary {
  failOn: FailOn;
  maxWarnings: number | null;
  strict: boolean;
  inlineSuppressions: boolean;
  fatal: boolean;
  blocking: number;
  undecided: number;
  warnings: number;
  /** Why the exit code is what it is, in one sentence. */
  reason: string;
}

export interface ReportKey {
  mode: Mode;
  kind: 'secret' | 'restricted';
  masked: string;
  source: string;
}

export interface Notice {
  level: 'info' | 'warn';
  message: string;
  fix?: string;
  /** The rules the notice is about, when it stands for a remark each of them would make. */
  ruleIds?: string[];
}

/**
 * What the run covered: the whole checklist (as configured), or a selection (`--rule`, `--only`,
 * `probe`) that can fail go-live but never declare it ready.
 */
export type ReportScope = 'checklist' | 'selection';

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'identity-golive'; version: string };
  generatedAt: string;
  target: {
    cwd: string;
    configFile: string | null;
    keys: ReportKey[];
    apiBase: string | null;
    snapshot: string | null;
    /** When the replayed snapshot was gathered (its own `gatheredAt`); null without a snapshot. */
    snapshotGatheredAt: string | null;
    offline: boolean;
  };
  scope: ReportScope;
  /** Checklist order, then rule id. */
  results: RuleResult[];
  notices: Notice[];
  summary: Record<Status, number> & { total: number };
  /** Findings hidden by a suppression (config or inline), with their reasons. */
  suppressed: SuppressedFinding[];
  /** Suppressions that are expired, lack a reason or name an unknown rule (warnings). */
  suppressionIssues: SuppressionIssue[];
  gate: GateSummary;
  /** 0 ready, 1 not ready, 2 could not decide: computed by the engine, not by reporters. */
  exitCode: 0 | 1 | 2;
  /** The verdict in one sentence, scoped to what ran ("Ready to go live." only for the whole checklist). */
  headline: string;
}
