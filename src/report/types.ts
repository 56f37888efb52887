// The Report: a finished, serialisable object (schema versioned). Reporters only render it.
import type { ChecklistItemId } from '../engine/checklist.js';
import type { FindingLevel, Location, Severity, Status } from '../engine/rule.js';
import type { Mode } from '../engine/artifacts.js';

export const REPORT_SCHEMA_VERSION = 1;

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
  title: string;
  severity: Exclude<Severity, 'off'>;
  status: Status;
  docsUrl: string;
  findings: ReportFinding[];
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
}

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
    offline: boolean;
  };
  /** Checklist order, then rule id. */
  results: RuleResult[];
  notices: Notice[];
  summary: Record<Status, number> & { total: number };
  /** 0 ready, 1 not ready, 2 could not decide: computed by the engine, not by reporters. */
  exitCode: 0 | 1 | 2;
}
